package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * "I did not sign this" by a namesake: an ORCID record showing the listed name is not proof, so nothing ends; the
 * organisers decide a dispute, the signer is told and may answer, and every step is in the audit trail.
 */
@QuarkusTest
class DisputeTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @Inject
    TransparencyLog log;

    @Inject
    OrganiserTokens tokens;

    @Test
    void aNamesakesReportIsADisputeTheSignerAnswersAndOrganisersDecide() {
        String email = Signing.address("orla", "example.org");
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Orla Namesake", "email", email, "organisation", "Somewhere", "listing", "public"));
        long before = Counted.total(LETTER, log);

        String path = "/orcid/disown/" + LETTER + "/" + id;
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Orla NAMESAKE"), path);
        Document confirm =
                Jsoup.parse(session.get(path).then().statusCode(200).extract().asString());
        for (int i = 0; i < 2; i++) { // a second report by the same person is the same dispute
            session.form(confirm, path)
                    .post(path)
                    .then()
                    .statusCode(202)
                    .body(containsString("The organisers will decide"));
        }
        given().get("/api/signatures/" + id).then().body("status", equalTo("confirmed"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before); // a name proves nothing by itself

        // the signer is told (confirmation, receipt, then this) and answers once
        String answer = Mailbox.link(Mailbox.await(mail, email, 3), "/answer/");
        assertThat(Mailbox.to(mail, email)).hasSize(3);
        assertThat(given().accept("text/html")
                        .get(answer)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Orla NAMESAKE", "Your signature is disputed");
        Document empty = Jsoup.parse(FormSession.open(answer)
                .post()
                .formParam("answer", "  ")
                .post(answer)
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(empty.select("#e-answer").text()).isNotBlank();
        FormSession.open(answer)
                .post()
                .formParam("answer", "I signed this myself, from my office.")
                .post(answer)
                .then()
                .statusCode(200)
                .body(containsString("your answer is with the organisers"));
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .formParam("answer", "again")
                .post(answer)
                .then()
                .statusCode(410);

        String organiser = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        JsonPath open = given().auth()
                .oauth2(organiser)
                .get("/api/letters/" + LETTER + "/disputes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String dispute = open.getString("find { it.signatureId == '" + id + "' }.id");
        assertThat(open.getList("findAll { it.signatureId == '" + id + "' }")).hasSize(1);
        assertThat(open.getString("find { it.signatureId == '" + id + "' }.answer"))
                .isEqualTo("I signed this myself, from my office.");
        assertThat(open.getString("find { it.signatureId == '" + id + "' }.claimantOrcid"))
                .isEqualTo(OrcidServers.EMPTY);
        given().get("/api/letters/" + LETTER + "/disputes").then().statusCode(401); // organisers only

        given().auth()
                .oauth2(organiser)
                .post("/api/letters/" + LETTER + "/disputes/" + dispute + "/maybe")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(organiser)
                .post("/api/letters/" + LETTER + "/disputes/" + dispute + "/uphold")
                .then()
                .statusCode(200)
                .body("status", equalTo("upheld"));
        given().auth()
                .oauth2(organiser)
                .post("/api/letters/" + LETTER + "/disputes/" + dispute + "/dismiss")
                .then()
                .statusCode(409); // decided once
        given().get("/api/signatures/" + id).then().body("status", equalTo("disowned"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before - 1);

        String admin = tokens.mint("admin-disputes", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        JsonPath audit = given().auth()
                .oauth2(admin)
                .get("/api/admin/audit?limit=50")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getString("find { it.action == 'dispute-opened' && it.target == '" + id + "' }.actor"))
                .isEqualTo("orcid:" + OrcidServers.EMPTY);
        assertThat(audit.getString("find { it.action == 'dispute-answered' && it.target == '" + id + "' }.actor"))
                .isEqualTo("signer");
        assertThat(audit.getString("find { it.action == 'dispute-uphold' && it.target == '" + id + "' }.actor"))
                .isEqualTo("0000-0002-1825-0097");
    }

    @Test
    void oneOrcidIdOpensAtMostFiveDisputesADay() {
        String claimant = "0000-0003-1415-9265";
        String path = null;
        OrcidSession session = null;
        for (int i = 1; i <= Disputes.PER_DAY + 1; i++) {
            String id = Signing.signAndConfirm(
                    mail,
                    LETTER,
                    Map.of(
                            "name",
                            "Rita Repeat",
                            "email",
                            Signing.address("rita", "example.org"),
                            "listing",
                            "public"));
            path = "/orcid/disown/" + LETTER + "/" + id;
            if (session == null) {
                session = OrcidSession.signIn(provider, claimant, Map.of("name", "Rita Repeat"), path);
            }
            Document confirm = Jsoup.parse(
                    session.get(path).then().statusCode(200).extract().asString());
            session.form(confirm, path).post(path).then().statusCode(i <= Disputes.PER_DAY ? 202 : 429);
        }
    }
}
