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
 * One person across identities (README "Who signed"): someone who signed by email and then signs with ORCID, giving
 * the same mailbox, is counted once; a link mailed to the address attaches the iD to the first signature.
 */
@QuarkusTest
class OrcidAttachTest {

    static final String LETTER = "attach-letter";

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void anEmailSignerWhoSignsWithOrcidIsCountedOnceAndTheIdIsAttachedByAMailedLink() {
        String email = Signing.address("attach", "example.org");
        long before = Counted.total(LETTER, log);
        String id =
                Signing.signAndConfirm(mail, LETTER, Map.of("name", "Ada Attach", "email", email, "listing", "public"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        JsonPath first = status(id);

        // the same mailbox, spelt otherwise: upper case and a +tag
        String local = email.substring(0, email.indexOf('@'));
        String spelt = local.toUpperCase(Locale.ROOT) + "+orcid@EXAMPLE.ORG";
        OrcidSession session = OrcidSession.signIn(
                provider, OrcidServers.EMPTY, Map.of("name", "Ada Attach"), "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String answer = session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .formParam("email", spelt)
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // the page is the same whether or not the address signed: it reveals nothing about the address
        assertThat(answer).contains("your signature is counted").doesNotContain("already signed", "mailed");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 2); // until the mailbox joins the two

        // confirmation, receipt, then the link that attaches the iD
        String link = Mailbox.link(Mailbox.await(mail, email, 3), "/attach/");
        assertThat(given().accept("text/html")
                        .get(link)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Join my signatures");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 2); // a GET (a mail scanner) changes nothing
        FormSession.open(link)
                .post()
                .post(link)
                .then()
                .statusCode(200)
                .body(containsString("Your two signatures are joined"));
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .post(link)
                .then()
                .statusCode(410); // once only

        assertThat(entries()).anyMatch(e -> e.contains("\"type\":\"evidence\"") && e.contains("[\"orcid\"]"));
        assertThat(entries()).anyMatch(e -> e.contains("\"reason\":\"duplicate-person\""));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        JsonPath after = status(id);
        for (String field : List.of("status", "name", "listing", "levels.identity", "levels.affiliation")) {
            assertThat(after.getString(field)).as(field).isEqualTo(first.getString(field));
        }
        assertThat(after.getString("levels.identity")).isEqualTo("email");
        List<String> listed = given().get("/api/letters/" + LETTER + "/signatories?limit=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items.name", String.class);
        assertThat(listed).containsOnlyOnce("Ada Attach");

        // the iD now finds the signature it was attached to: no second signature
        assertThat(session.get("/orcid/sign/" + LETTER).then().extract().asString())
                .contains("You have signed this letter", "Ada Attach");
        session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(409);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        given().get("/api/signatures/" + id + "/attestations").then().body("size()", equalTo(2)); // email, ORCID

        // and withdraws it through ORCID, which leaves the letter as it was
        withdrawThroughOrcid(session);
        assertThat(status(id).getString("status")).isEqualTo("withdrawn");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    @Test
    void aPendingEmailSignatureIsConfirmedByTheAttachLinkAndCountedOnce() {
        String email = Signing.address("attach-pending", "example.org");
        long before = Counted.total(LETTER, log);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Ada Pending", "email", email, "listing", "private"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202);
        OrcidSession session = OrcidSession.signIn(
                provider, OrcidServers.EMPTY, Map.of("name", "Ada Pending"), "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .formParam("email", email)
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1); // the ORCID signature; the email one is pending

        // confirmation, the ORCID signature's receipt (the same address was given), then the link that joins them
        String link = Mailbox.link(Mailbox.await(mail, email, 3), "/attach/");
        FormSession.open(link)
                .post()
                .post(link)
                .then()
                .statusCode(200)
                .body(containsString("Your two signatures are joined"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        assertThat(session.get("/orcid/sign/" + LETTER).then().extract().asString())
                .contains("You have signed this letter", "Ada Pending");
        withdrawThroughOrcid(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    @Test
    void anOrcidSignerGivingNoAddressSignsAsBefore() {
        long before = Counted.total(LETTER, log);
        OrcidSession session = OrcidSession.signIn(
                provider,
                OrcidServers.RESEARCHER,
                Map.of("given_name", "Josiah", "family_name", "Carberry"),
                "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String page = session.form(form, "/orcid/sign/" + LETTER)
                .formParam("employment", "0")
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("your signature is counted");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        withdrawThroughOrcid(session);
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
    }

    /** Every test leaves the letter as it found it, so they share its iDs in any order. */
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
