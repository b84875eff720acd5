package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * Signing with ORCID through the real OpenID Connect code flow (a real provider on loopback) and the ORCID API's
 * employments (WireMock, in ORCID's own JSON shape).
 */
@QuarkusTest
class OrcidSigningTest {

    static final String LETTER = "orcid-letter";

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void theSignInRunsTheCodeFlowWithPkceStateAndNonce() {
        Response start = given().redirects().follow(false).get("/orcid/sign/" + LETTER);
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.header("Location");
        assertThat(location)
                .startsWith(provider.issuerUrl("orcid").toString())
                .contains(
                        "response_type=code",
                        "code_challenge=",
                        "code_challenge_method=S256",
                        "state=",
                        "nonce=",
                        "scope=openid");
        assertThat(location).doesNotContain("openid+openid");
    }

    @Test
    void anInstitutionWrittenEmploymentSignsAtTheStrongestOrcidLevelAtOnce() {
        Map<String, Long> before = counts("byLevel");
        OrcidSession session = signIn(
                OrcidServers.RESEARCHER,
                Map.of("given_name", "Josiah", "family_name", "Carberry"),
                "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(form.select("#f-name").text()).isEqualTo("Josiah Carberry");
        List<String> choices = form.select("input[name=employment]").stream()
                .map(e -> e.parent().text())
                .toList();
        assertThat(choices.get(0)).contains("Brown University", "ORCID + institution");
        assertThat(choices.get(1)).contains("Google", "on ORCID, added by the signer");
        assertThat(String.join(" ", choices)).doesNotContain("Wesleyan"); // ended: not a current affiliation

        String page = session.form(form, "/orcid/sign/" + LETTER)
                .formParam("employment", "0")
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("your signature is counted");
        String id =
                Jsoup.parse(page).select("a[href$=/attestations]").attr("href").split("/")[3];

        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("confirmed"))
                .body("levels.identity", equalTo("orcid"))
                .body("levels.affiliation", equalTo("orcid-institution"))
                .body("organisation", equalTo("Brown University"))
                .body("name", equalTo("Josiah Carberry"));
        Map<String, Long> after = counts("byLevel");
        assertThat(after.get("orcid-institution")).isEqualTo(before.get("orcid-institution") + 1);
        given().get("/api/signatures/" + id + "/attestations")
                .then()
                .body("size()", equalTo(2)); // the ORCID iD, and the employment by who wrote it

        // once signed, the page says so and offers withdrawal; signing twice is refused
        assertThat(session.get("/orcid/sign/" + LETTER).then().extract().asString())
                .contains("You have signed this letter");
        session.form(form, "/orcid/sign/" + LETTER)
                .formParam("employment", "1")
                .formParam("listing", "public")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(409);
        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + LETTER).then().extract().asString());
        session.form(signed, "/orcid/withdraw/" + LETTER)
                .post("/orcid/withdraw/" + LETTER)
                .then()
                .statusCode(200)
                .body(Matchers.containsString("Your signature is withdrawn"));
        assertThat(counts("byLevel").get("orcid-institution")).isEqualTo(before.get("orcid-institution"));
    }

    @Test
    void aWatchedNameOnAnOrcidRecordIsHeldUnlessTheIdIsNamedForThatPerson() {
        String letter = "erase-letter";
        long before = Counted.total(letter, log);
        OrcidSession session = signIn(
                OrcidServers.EMPTY,
                Map.of("given_name", "Geoffrey E.", "family_name", "Hint\u043En"),
                "/orcid/sign/" + letter);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + letter)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Document page = Jsoup.parse(session.form(form, "/orcid/sign/" + letter)
                .formParam("listing", "public")
                .post("/orcid/sign/" + letter)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("h1").text()).contains("an organiser checks your signature");
        assertThat(page.select(".lead").text())
                .contains("has not been told that your ORCID iD is theirs")
                .doesNotContain("does not show it publicly");
        String id = page.select("a[href$=/attestations]").attr("href").split("/")[3];
        given().get("/api/signatures/" + id).then().body("status", equalTo("held"));
        assertThat(Counted.total(letter, log)).isEqualTo(before);
        // OrcidServers.RESEARCHER is the iD src/test/content/honours.yaml names for Geoffrey Hinton: signed at once
        // in aSelfAssertedEmploymentIsShownAsTypedOnOrcidAndTheOrcidIdNamedForAFamousNameIsNotHeld
    }

    @Test
    void aSelfAssertedEmploymentIsShownAsTypedOnOrcidAndTheOrcidIdNamedForAFamousNameIsNotHeld() {
        OrcidSession session =
                signIn(OrcidServers.RESEARCHER, Map.of("name", "Geoffrey Hinton"), "/orcid/sign/sample-letter");
        Document form = Jsoup.parse(session.get("/orcid/sign/sample-letter")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String email = Signing.address("orcid-receipt", "example.org");
        String page = session.form(form, "/orcid/sign/sample-letter")
                .formParam("employment", "1")
                .formParam("listing", "public")
                .formParam("email", email)
                .post("/orcid/sign/sample-letter")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // the address was never confirmed: its receipt offers withdrawal through ORCID, not a link that withdraws
        String receipt = Mailbox.body(Mailbox.await(mail, email, 1));
        assertThat(receipt).contains("/orcid/sign/sample-letter").doesNotContain("/withdraw/");
        String id =
                Jsoup.parse(page).select("a[href$=/attestations]").attr("href").split("/")[3];
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("confirmed"))
                .body("levels.affiliation", equalTo("orcid-self"))
                .body("organisation", equalTo("Google"));
    }

    @Test
    void aRecordWithoutEmploymentsOrNameAsksForTheNameAndKeepsWhatWasTyped() {
        OrcidSession session = signIn(OrcidServers.EMPTY, Map.of(), "/orcid/sign/" + LETTER);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(form.select("input[name=employment]")).hasSize(1); // only "another, or none"
        Document again = Jsoup.parse(session.form(form, "/orcid/sign/" + LETTER)
                .formParam("listing", "public")
                .formParam("organisation", "Somewhere Institute")
                .post("/orcid/sign/" + LETTER)
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(again.select("#e-name").text()).contains("no public name");
        assertThat(again.select("#f-organisation").val()).isEqualTo("Somewhere Institute");
        given().get("/api/letters/" + LETTER + "/signatories?limit=200")
                .then()
                .body("items.organisation", Matchers.not(hasItem("Somewhere Institute")));
    }

    @Test
    void anOrcidSignerWithdrawsAndErasesTheirNameIdAndTheStatementsAboutThem() {
        String letter = "erase-letter";
        OrcidSession session = signIn(
                OrcidServers.RESEARCHER,
                Map.of("given_name", "Josiah", "family_name", "Carberry"),
                "/orcid/sign/" + letter);
        Document form = Jsoup.parse(session.get("/orcid/sign/" + letter)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String page = session.form(form, "/orcid/sign/" + letter)
                .formParam("employment", "0")
                .formParam("listing", "public")
                .post("/orcid/sign/" + letter)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String id =
                Jsoup.parse(page).select("a[href$=/attestations]").attr("href").split("/")[3];
        given().get("/api/signatures/" + id + "/attestations").then().body("size()", equalTo(2));
        assertThat(Counted.total(letter, log)).isEqualTo(1);

        Document signed = Jsoup.parse(
                session.get("/orcid/sign/" + letter).then().extract().asString());
        assertThat(signed.select("input[name=erase]")).hasSize(1);
        session.form(signed, "/orcid/withdraw/" + letter)
                .formParam("erase", "yes")
                .post("/orcid/withdraw/" + letter)
                .then()
                .statusCode(200)
                .body(Matchers.containsString("have been erased"));

        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("withdrawn"))
                .body("name", equalTo(null))
                .body("organisation", equalTo(null));
        given().get("/api/signatures/" + id + "/attestations").then().body("size()", equalTo(0));
        given().get("/letters/" + letter + "/signatories.csv")
                .then()
                .body(Matchers.not(Matchers.containsString("Carberry")));
        assertThat(Counted.total(letter, log)).isZero();
        // the iD can sign again: nothing of the erased signature stands in the way
        Document again = Jsoup.parse(session.get("/orcid/sign/" + letter)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(again.select("input[name=employment]")).isNotEmpty();
    }

    private Map<String, Long> counts(String dimension) {
        Counted.settle(log);
        return given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getMap(dimension, String.class, Long.class);
    }

    private OrcidSession signIn(String orcid, Map<String, Object> claims, String path) {
        return OrcidSession.signIn(provider, orcid, claims, path);
    }
}
