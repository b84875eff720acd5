package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;
import org.undersigned.support.TestClock;
import org.undersigned.transparency.TransparencyLog;

/** "I did not sign this": proven by the address behind the signature or by ORCID, never by anyone else. */
@QuarkusTest
class DisownTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @Inject
    TransparencyLog log;

    @Inject
    TestClock clock;

    @Test
    void theAddressBehindASignatureDisownsItAndAnyOtherAddressGetsNothing() {
        String email = Signing.address("owner", "example.org");
        String id = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Dana Disowner", "email", email, "listing", "public"));
        long before = Counted.total(LETTER, log);
        String report = "/letters/" + LETTER + "/disown/" + id;
        given().accept("text/html").get(report).then().statusCode(200).body(containsString("Dana Disowner"));

        String stranger = Signing.address("stranger", "example.org");
        FormSession.open(report)
                .post()
                .formParam("email", stranger)
                .post(report)
                .then()
                .statusCode(200)
                .body(containsString("If that address is behind the signature"));
        FormSession.open(report)
                .post()
                .formParam("email", email.toUpperCase())
                .post(report)
                .then()
                .statusCode(200)
                .body(containsString("If that address is behind the signature"));
        String link = Mailbox.link(Mailbox.await(mail, email, 3), "/disown/");
        assertThat(Mailbox.to(mail, stranger)).isEmpty();

        given().accept("text/html").get(link).then().statusCode(200).body(containsString("I did not sign this"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before); // opening the link changed nothing
        // the clock stands still: only the disowning can make the CSV's copy out of date
        clock.set(SignatoryCsvTest.later());
        try {
            assertThat(csv()).contains("Dana Disowner");
            FormSession.open(link).post().post(link).then().statusCode(200).body(containsString("marked as disowned"));
            assertThat(csv()).doesNotContain("Dana Disowner");
        } finally {
            clock.reset();
        }

        assertThat(Counted.total(LETTER, log)).isEqualTo(before - 1);
        given().get("/api/signatures/" + id).then().body("status", equalTo("disowned"));
    }

    private static String csv() {
        return given().get("/letters/" + LETTER + "/signatories.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void theIdBehindASignatureDisownsItAtOnce() {
        OrcidSession session =
                OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Ivo Ownid"), "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200);
        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + LETTER).then().extract().asString());
        String id =
                signed.select("a[href^=/api/signatures/]").first().attr("href").substring("/api/signatures/".length());
        long before = Counted.total(LETTER, log);
        String path = "/orcid/disown/" + LETTER + "/" + id;
        Document confirm =
                Jsoup.parse(session.get(path).then().statusCode(200).extract().asString());
        session.form(confirm, path)
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("The signature is withdrawn"));
        given().get("/api/signatures/" + id).then().body("status", equalTo("disowned"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before - 1);
    }
}
