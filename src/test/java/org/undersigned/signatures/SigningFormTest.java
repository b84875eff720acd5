package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;

/** The HTML form path, without JavaScript: validation that keeps what was typed, CSRF, expired links. */
@QuarkusTest
class SigningFormTest {

    @MailServer.Inject
    GreenMail mail;

    @Inject
    EntityManager em;

    @Test
    void aValidationErrorKeepsEverythingTypedAndNamesTheField() {
        FormSession session = FormSession.open("/letters/sample-letter");
        String html = session.post()
                .formParam("name", "Zoë Keepsake")
                .formParam("email", "zoe at example")
                .formParam("organisation", "Example Institute")
                .formParam("role", "Researcher")
                .formParam("listing", "private")
                .formParam("comment", "Proud to sign")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#e-email").text()).contains("no spaces").contains("name@example.org");
        assertThat(doc.select("#f-email").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#f-name").val()).isEqualTo("Zoë Keepsake");
        assertThat(doc.select("#f-email").val()).isEqualTo("zoe at example");
        assertThat(doc.select("#f-organisation").val()).isEqualTo("Example Institute");
        assertThat(doc.select("#f-role").val()).isEqualTo("Researcher");
        assertThat(doc.select("input[name=listing][value=private]").hasAttr("checked"))
                .isTrue();
        assertThat(doc.select("#f-comment").text()).isEqualTo("Proud to sign");
        assertThat(doc.select(".errors a[href=#f-email]")).hasSize(1);
    }

    @Test
    void aValidFormSendsTheConfirmationMail() {
        String email = SigningFlowTest.unique("form");
        FormSession.open("/letters/sample-letter")
                .post()
                .formParam("name", "Form Signer")
                .formParam("email", email)
                .formParam("listing", "public")
                .formParam("notify", "yes")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(200)
                .body(containsString("Check your email"))
                .body(containsString(email));
        assertThat(Mailbox.subject(Mailbox.await(mail, email, 1))).startsWith("Confirm your signature");
    }

    @Test
    void aFormWithoutAMatchingCsrfTokenIsRefused() {
        given().accept("text/html")
                .contentType("application/x-www-form-urlencoded")
                .formParam("name", "X")
                .formParam("email", "x@example.org")
                .formParam("listing", "public")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(403)
                .body(containsString("reload the page"));
        FormSession session = FormSession.open("/letters/sample-letter");
        given().accept("text/html")
                .cookie("csrf", session.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "A".repeat(43))
                .formParam("name", "X")
                .formParam("email", "x@example.org")
                .formParam("listing", "public")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(403);
        session.post()
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("name", "X")
                .formParam("email", "x@example.org")
                .formParam("listing", "public")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(403);
    }

    @Test
    void everyVisitorOfTheSharedLetterPageGetsTheirOwnWorkingToken() {
        FormSession first = FormSession.open("/letters/sample-letter");
        FormSession second = FormSession.open("/letters/sample-letter");
        assertThat(second.cookie()).isNotEqualTo(first.cookie());
        for (FormSession session : new FormSession[] {first, second}) {
            session.post()
                    .formParam("name", "Token Owner")
                    .formParam("email", "owner@example.org")
                    .formParam("listing", "public")
                    .post("/letters/sample-letter/sign")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void anExpiredConfirmationLinkOffersANewOne() throws Exception {
        String email = SigningFlowTest.unique("late");
        SigningFlowTest.sign(Map.of("name", "Lee Late", "email", email, "listing", "public"))
                .then()
                .statusCode(202);
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(link.substring("/confirm/".length()).getBytes(StandardCharsets.US_ASCII)));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE signature_token SET expires_at = created_at - INTERVAL '1 hour' WHERE hash = ?1")
                        .setParameter(1, hash)
                        .executeUpdate());

        given().accept("text/html").get(link).then().statusCode(200).body(containsString("This link has expired"));
        FormSession session = FormSession.open(link);
        session.post().post(link).then().statusCode(410).body(containsString("expired"));
        session.post().post(link + "/resend").then().statusCode(200).body(containsString("A new link is on its way"));

        String fresh = Mailbox.link(Mailbox.await(mail, email, 2), "/confirm/");
        assertThat(fresh).isNotEqualTo(link);
        FormSession.open(fresh)
                .post()
                .post(fresh)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));
    }

    @Test
    void theLetterPageShowsTheCountTheFormAndRecentSignatories() {
        Document doc = Jsoup.parse(given().accept("text/html")
                .get("/letters/sample-letter")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(doc.select("#count-heading .count").text()).matches("[0-9]+");
        assertThat(doc.select("form.sign[action=/letters/sample-letter/sign] input[name=csrf]")
                        .val())
                .hasSize(43);
        assertThat(Jsoup.parse(given().accept("text/html")
                                .get("/letters/closed-letter")
                                .asString())
                        .select("form.sign"))
                .isEmpty();
        given().accept("text/html")
                .get("/letters/closed-letter/sign")
                .then()
                .statusCode(409)
                .body(containsString("closed"));
    }
}
