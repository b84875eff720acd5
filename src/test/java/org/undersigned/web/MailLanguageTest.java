package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailParts;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/**
 * A mail is written in the language its signer signed in, also when it is sent later by a request in another
 * language or in none; English when no other was chosen, or when the one chosen is no longer offered.
 */
@QuarkusTest
@TestProfile(LanguageTest.EnglishAndFrench.class)
class MailLanguageTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    EntityManager em;

    @Test
    void aSignerWhoSignedInFrenchGetsLaterMailsInFrenchWhateverTheRequestSendingThem() {
        String email = Signing.address("francophone", "example.org");
        String id = sign(given().header("Accept-Language", "fr-CH, fr;q=0.9"), email);

        MimeMessage confirmation = Mailbox.await(mail, email, 1);
        assertThat(Mailbox.subject(confirmation)).startsWith("Confirmez votre signature : ");
        assertInLanguage(confirmation, "fr");
        assertThat(MailParts.text(confirmation)).contains("Bonjour Camille Dupont,", "« Confirmer »");

        String confirm = Mailbox.link(confirmation, "/confirm/");
        FormSession.open(confirm).post().post(confirm).then().statusCode(200); // no Accept-Language
        MimeMessage receipt = Mailbox.await(mail, email, 2);
        assertThat(Mailbox.subject(receipt)).startsWith("Votre signature est comptée : ");
        assertInLanguage(receipt, "fr");

        String report = "/letters/" + LETTER + "/disown/" + id; // asked for by someone reading in English
        FormSession.open(report)
                .post()
                .header("Accept-Language", "en")
                .formParam("email", email)
                .post(report)
                .then()
                .statusCode(200);
        MimeMessage disown = Mailbox.await(mail, email, 3);
        assertThat(Mailbox.subject(disown)).startsWith("Avez-vous signé « ");
        assertInLanguage(disown, "fr");
        assertThat(MailParts.text(disown)).contains("Si vous l'avez bien signée");
    }

    @Test
    void mailsAreInEnglishUnlessAnotherLanguageWasChosenAndIsStillOffered() {
        String english = Signing.address("english", "example.org");
        sign(given().header("Accept-Language", "de"), english);
        MimeMessage confirmation = Mailbox.await(mail, english, 1);
        assertThat(Mailbox.subject(confirmation)).startsWith("Confirm your signature: ");
        assertInLanguage(confirmation, "en");
        assertThat(MailParts.text(confirmation)).contains("Hello Camille Dupont,", "press \"Confirm\"");

        // chosen with the switcher, then no longer offered (here: a language never offered stands for it)
        String switched = Signing.address("switched", "example.org");
        String id = sign(given().cookie(Languages.COOKIE, "fr").header("Accept-Language", "en"), switched);
        assertThat(Mailbox.subject(Mailbox.await(mail, switched, 1))).startsWith("Confirmez votre signature");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE signature SET language = 'de' WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        FormSession.open("/letters/" + LETTER)
                .post()
                .header("Accept-Language", "fr")
                .formParam("email", switched)
                .post("/letters/" + LETTER + "/resend")
                .then()
                .statusCode(200);
        MimeMessage resent = Mailbox.await(mail, switched, 2);
        assertThat(Mailbox.subject(resent)).startsWith("Confirm your signature: ");
        assertInLanguage(resent, "en");
    }

    private static String sign(RequestSpecification request, String email) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("name", "Camille Dupont", "email", email, "listing", "public"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void assertInLanguage(MimeMessage m, String tag) {
        assertThat(MailParts.language(m)).isEqualTo(tag);
        assertThat(Jsoup.parse(MailParts.html(m)).selectFirst("html").attr("lang"))
                .isEqualTo(tag);
    }
}
