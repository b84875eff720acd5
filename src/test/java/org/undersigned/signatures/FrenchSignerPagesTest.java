package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/** A French reader gets the form's errors and what a mailed link did in French; the API keeps its English. */
@QuarkusTest
@TestProfile(FrenchSignerPagesTest.French.class)
class FrenchSignerPagesTest {

    public static class French implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.languages", "en,fr");
        }
    }

    static final String LETTER = "signer-pages-letter";

    @MailServer.Inject
    GreenMail mail;

    @Test
    void theFormsErrorsAreInFrenchAndTheApiStaysEnglish() {
        String sign = "/letters/" + LETTER + "/sign";
        Document page = Jsoup.parse(FormSession.open(sign)
                .post()
                .header("Accept-Language", "fr")
                .formParam("email", "nobody at example.org")
                .post(sign)
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("#e-name").text()).isEqualTo("Indiquez votre nom tel qu'il doit apparaître.");
        assertThat(page.select("#e-email").text())
                .isEqualTo("Une adresse électronique ne contient pas d'espace (elle ressemble à nom@example.org).");
        assertThat(page.select("#form-errors strong").text()).isEqualTo("Vérifiez les champs signalés.");

        assertThat(given().header("Accept-Language", "fr")
                        .contentType("application/json")
                        .body(Map.of("email", "nobody at example.org"))
                        .post("/api/letters/" + LETTER + "/signatures")
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("errors.name"))
                .isEqualTo("Please give your name as it should appear.");
    }

    @Test
    void aConfirmedSignatureIsThankedInFrench() {
        String email = Signing.address("francoise", "example.org");
        given().contentType("application/json")
                .body(Map.of("name", "Françoise Exemple", "email", email, "listing", "public"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202);
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        Document done = Jsoup.parse(FormSession.open(confirm)
                .post()
                .header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
                .post(confirm)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(done.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(done.title()).startsWith("Signature confirmée");
        assertThat(done.select("main h1").text()).isEqualTo("Merci : votre signature est comptée");
        assertThat(done.select("main .lead").text())
                .startsWith("Vous avez signé")
                .contains("Votre nom figure sur la liste.");
    }
}
