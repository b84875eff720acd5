package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * One person across identities, ORCID first (README "Who signed"): someone who signed with ORCID and then by email is
 * counted once, joined from the email side (the confirmation link, followed signed in with ORCID) or from the ORCID
 * side (a link mailed to the address); the signature made first stays, with its name and listing.
 */
@QuarkusTest
class OrcidJoinTest {

    static final String LETTER = "join-letter";

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    OrcidSigning orcid;

    /** The tests share one iD: whatever a failed test left signed is withdrawn, so the next starts clean. */
    @AfterEach
    void withdrawTheSharedId() {
        orcid.withdraw(LETTER, OrcidServers.EMPTY, false);
    }

    @Test
    void anOrcidSignerWhoSignsByEmailJoinsFromTheConfirmationLinkAndIsCountedOnce() {
        long before = Counted.total(LETTER, log);
        OrcidSession session = signWithOrcid("Olga First");
        String orcidSignature = orcidSignatureId(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);

        String email = Signing.address("join", "example.org");
        String emailSignature = signByEmail("Olga Email", email, "private");
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String token = confirm.substring(confirm.lastIndexOf('/') + 1);
        assertThat(given().accept("text/html")
                        .get(confirm)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Signed with ORCID already?", "/orcid/join/" + token);

        String join = "/orcid/join/" + token;
        Document page =
                Jsoup.parse(session.get(join).then().statusCode(200).extract().asString());
        assertThat(page.text()).contains("Olga First", "Add this address to my ORCID signature");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1); // a GET changes nothing
        session.form(page, join).post(join).then().statusCode(200).body(containsString("you are counted once"));

        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        assertThat(entries()).anyMatch(e -> e.contains("\"type\":\"evidence\"") && e.contains("[\"email\"]"));
        JsonPath kept = status(orcidSignature);
        assertThat(kept.getString("status")).isEqualTo("confirmed");
        assertThat(kept.getString("name")).isEqualTo("Olga First");
        assertThat(status(emailSignature).getString("status")).isEqualTo("withdrawn"); // never counted
        given().get("/api/signatures/" + orcidSignature + "/attestations")
                .then()
                .body("size()", equalTo(2)); // ORCID, then the mailbox
        // the confirmation link was spent by the join: it cannot count the email sign-up afterwards
        assertThat(given().accept("text/html").get(confirm).then().extract().asString())
                .contains("already been used");
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .post(confirm)
                .then()
                .statusCode(410);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);

        withdrawThroughOrcid(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    @Test
    void joiningWithAnIdThatHasNotSignedConfirmsTheEmailSignatureWithTheIdAttached() {
        long before = Counted.total(LETTER, log);
        String email = Signing.address("join-new", "example.org");
        String emailSignature = signByEmail("Nina Email", email, "public");
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String join = "/orcid/join/" + confirm.substring(confirm.lastIndexOf('/') + 1);

        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Nina Orcid"), join);
        Document page =
                Jsoup.parse(session.get(join).then().statusCode(200).extract().asString());
        assertThat(page.text()).contains("has not signed", "Confirm with my ORCID iD");
        session.form(page, join).post(join).then().statusCode(200).body(containsString("you are counted once"));

        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        assertThat(status(emailSignature).getString("status")).isEqualTo("confirmed");
        assertThat(status(emailSignature).getString("levels.identity")).isEqualTo("email");
        assertThat(entries()).anyMatch(e -> e.contains("\"type\":\"evidence\"") && e.contains("[\"orcid\"]"));
        assertThat(session.get("/orcid/sign/" + LETTER).then().extract().asString())
                .contains("You have signed this letter", "Nina Email");
        withdrawThroughOrcid(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    @Test
    void twoCountedSignaturesJoinedFromTheOrcidPageKeepTheOneMadeFirst() {
        long before = Counted.total(LETTER, log);
        OrcidSession session = signWithOrcid("Otto First");
        String orcidSignature = orcidSignatureId(session);
        String email = Signing.address("join-both", "example.org");
        String emailSignature =
                Signing.signAndConfirm(mail, LETTER, Map.of("name", "Otto Email", "email", email, "listing", "public"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 2); // until the mailbox joins the two

        // the answer is the same for an address that never signed, and that address gets no mail
        String stranger = Signing.address("join-stranger", "example.org");
        String local = email.substring(0, email.indexOf('@'));
        for (String given : List.of(local.toUpperCase(Locale.ROOT) + "+x@EXAMPLE.org", stranger)) {
            Document signed = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(signed.text()).contains("Signed by email as well?");
            session.form(signed, "/orcid/attach/" + LETTER)
                    .formParam("email", given)
                    .post("/orcid/attach/" + LETTER)
                    .then()
                    .statusCode(200)
                    .body(containsString("Check your email"));
        }
        String attach = Mailbox.link(Mailbox.await(mail, email, 3), "/attach/"); // confirmation, receipt, link
        assertThat(given().accept("text/html").get(attach).then().extract().asString())
                .contains("Join my signatures");
        FormSession.open(attach)
                .post()
                .post(attach)
                .then()
                .statusCode(200)
                .body(containsString("Your two signatures are joined"));
        assertThat(Mailbox.to(mail, stranger)).isEmpty();

        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        assertThat(entries()).anyMatch(e -> e.contains("\"reason\":\"duplicate-person\""));
        assertThat(entries()).anyMatch(e -> e.contains("\"type\":\"evidence\"") && e.contains("[\"email\"]"));
        assertThat(status(orcidSignature).getString("status")).isEqualTo("confirmed");
        assertThat(status(orcidSignature).getString("name")).isEqualTo("Otto First");
        assertThat(status(emailSignature).getString("status")).isEqualTo("withdrawn");
        List<String> listed = given().get("/api/letters/" + LETTER + "/signatories?limit=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items.name", String.class);
        assertThat(listed).contains("Otto First").doesNotContain("Otto Email");

        withdrawThroughOrcid(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    @Test
    void aMalformedAddressOnTheOrcidPageIsRefusedNamingTheField() {
        OrcidSession session = signWithOrcid("Mona Malformed");
        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + LETTER).then().extract().asString());
        Document answer = Jsoup.parse(session.form(signed, "/orcid/attach/" + LETTER)
                .formParam("email", "mona@[127.0.0.1]")
                .post("/orcid/attach/" + LETTER)
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(answer.select("#e-email").text()).isNotBlank();
        assertThat(answer.select("#f-email").attr("aria-invalid")).isEqualTo("true");
        withdrawThroughOrcid(session);
    }

    private OrcidSession signWithOrcid(String name) {
        OrcidSession session =
                OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", name), "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));
        return session;
    }

    private static String orcidSignatureId(OrcidSession session) {
        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + LETTER).then().extract().asString());
        String href = signed.select("a[href^=/api/signatures/]").first().attr("href");
        return href.substring("/api/signatures/".length());
    }

    private static String signByEmail(String name, String email, String listing) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "listing", listing))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** Every test leaves the letter as it found it, so they share the iD in any order. */
    private static void withdrawThroughOrcid(OrcidSession session) {
        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + LETTER).then().extract().asString());
        session.form(signed, "/orcid/withdraw/" + LETTER)
                .post("/orcid/withdraw/" + LETTER)
                .then()
                .statusCode(200)
                .body(containsString("Your signature is withdrawn"));
    }

    private static JsonPath status(String id) {
        return given().get("/api/signatures/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private List<String> entries() {
        return Counted.entries(LETTER, log);
    }
}
