package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;

/**
 * A signer's passkey endpoints without a browser: what is not a WebAuthn answer is a clear 4xx, never a 500; the
 * signature's page and its forms need a live session; the news form sets the signature's news flag. (Passkeys made by
 * a real authenticator are tested in browser.SignerPasskeyBrowserTest.)
 */
@QuarkusTest
class SignerPasskeyRequestsTest {

    static final String LETTER = "signer-passkey-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    EntityManager em;

    @Test
    void junkAnEmptyBodyOrAnotherContentTypeGetsA4xxThatSaysWhy() {
        String signed = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Jun Junk", "email", Signing.address("jun", "example.org"), "listing", "private"));
        List<String> paths = List.of(
                "/signers/passkeys/sign-in",
                "/signers/passkeys/new/" + signed,
                "/signers/passkeys/new/" + UUID.randomUUID(),
                "/signers/passkeys/new/not-a-signature");
        for (String path : paths) {
            for (String body : List.of("", "{", "[]", "null", "{\"id\":1,\"response\":{}}", "\"x\"")) {
                Response r = given().contentType("application/json")
                        .accept("application/json")
                        .body(body)
                        .post(path);
                assertThat(r.statusCode()).as(path + " " + body).isEqualTo(400);
                assertThat(r.jsonPath().getString("detail"))
                        .as(path + " " + body)
                        .isNotBlank();
                assertThat(r.getCookie(SignerSessions.COOKIE)).isNull();
            }
            assertThat(given().contentType("text/plain").body("{}").post(path).statusCode())
                    .as(path)
                    .isEqualTo(415);
            assertThat(given().contentType("application/x-www-form-urlencoded")
                            .formParam("a", "b")
                            .post(path)
                            .statusCode())
                    .as(path)
                    .isEqualTo(415);
        }
        assertThat(given().contentType("text/plain")
                        .body("{}")
                        .post("/signers/passkeys/options")
                        .statusCode())
                .isEqualTo(415);
        // what the page script sends, and an empty body: options either way
        for (String body : List.of("{}", "")) {
            given().contentType("application/json")
                    .accept("application/json")
                    .body(body)
                    .post("/signers/passkeys/options")
                    .then()
                    .statusCode(200)
                    .body("challenge", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{43}"))
                    .body("userVerification", org.hamcrest.Matchers.equalTo("required"));
        }
    }

    @Test
    void withoutALiveSessionTheSignaturesPageIsA401ThatLeadsBackToThePasskey() {
        for (String cookie : List.of("", "junk", "A".repeat(43))) {
            Response r = given().accept("text/html")
                    .cookie(SignerSessions.COOKIE, cookie)
                    .get("/signers/signature");
            assertThat(r.statusCode()).as(cookie).isEqualTo(401);
            Document page = Jsoup.parse(r.asString());
            assertThat(page.select("main a[href=/signers/passkey]")).hasSize(1);
            assertThat(page.select("main").text()).contains("Sign in with your passkey first");
        }
        long seq = signedSeq("Exa Expired");
        String expired = session(seq, Duration.ofMinutes(-1));
        given().accept("text/html")
                .cookie(SignerSessions.COOKIE, expired)
                .get("/signers/signature")
                .then()
                .statusCode(401);
        for (String form : List.of("withdraw", "news")) {
            FormSession.open("/letters/" + LETTER)
                    .post()
                    .cookie(SignerSessions.COOKIE, expired)
                    .formParam("erase", "yes")
                    .post("/signers/signature/" + form)
                    .then()
                    .statusCode(401);
        }
        assertThat(status(seq)).isEqualTo("CONFIRMED");
    }

    @Test
    void theFormsNeedTheirCsrfTokenAndTheNewsFormSetsTheNewsFlag() {
        long seq = signedSeq("Nia News");
        String session = session(seq, SignerSessions.LIFETIME);
        given().accept("text/html")
                .cookie(SignerSessions.COOKIE, session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("news", "off")
                .post("/signers/signature/news")
                .then()
                .statusCode(403);
        assertThat(notify(seq)).isTrue();

        Document page = Jsoup.parse(given().accept("text/html")
                .cookie(SignerSessions.COOKIE, session)
                .get("/signers/signature")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .asString());
        assertThat(page.select("#status").text()).isEqualTo("Counted");
        assertThat(page.select("#news").text()).startsWith("You are told by mail");
        assertThat(page.select("input[name=news]").attr("value")).isEqualTo("off");
        // a second device may be added from here: the options are in the page
        assertThat(page.select("script#passkey-options").html()).contains("\"challenge\"");

        FormSession.open("/letters/" + LETTER)
                .post()
                .cookie(SignerSessions.COOKIE, session)
                .formParam("news", "off")
                .redirects()
                .follow(false)
                .post("/signers/signature/news")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/signers/signature"));
        assertThat(notify(seq)).isFalse();
        FormSession.open("/letters/" + LETTER)
                .post()
                .cookie(SignerSessions.COOKIE, session)
                .formParam("news", "on")
                .redirects()
                .follow(false)
                .post("/signers/signature/news")
                .then()
                .statusCode(303);
        assertThat(notify(seq)).isTrue();

        // signing out ends the session in the database, not only in the browser
        FormSession.open("/letters/" + LETTER)
                .post()
                .cookie(SignerSessions.COOKIE, session)
                .redirects()
                .follow(false)
                .post("/signers/signature/sign-out")
                .then()
                .statusCode(303);
        given().accept("text/html")
                .cookie(SignerSessions.COOKIE, session)
                .get("/signers/signature")
                .then()
                .statusCode(401);
    }

    private long signedSeq(String name) {
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        name,
                        "email",
                        Signing.address("n", "example.org"),
                        "listing",
                        "public",
                        "notify",
                        "true"));
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT seq FROM signature WHERE id = ?1")
                                .setParameter(1, UUID.fromString(id))
                                .getSingleResult())
                        .longValue());
    }

    /** A session as a passkey sign-in opens one (SignerSessions), lasting {@code lifetime} from now. */
    private String session(long seq, Duration lifetime) {
        String token = Tokens.newToken();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("INSERT INTO signer_session (token_hash, signature_seq, expires_at) "
                                + "VALUES (?1, ?2, CURRENT_TIMESTAMP + ?3 * INTERVAL '1 second')")
                        .setParameter(1, Tokens.hash(token))
                        .setParameter(2, seq)
                        .setParameter(3, lifetime.toSeconds())
                        .executeUpdate());
        return token;
    }

    private boolean notify(long seq) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Boolean) em.createNativeQuery("SELECT notify FROM signature WHERE seq = ?1")
                        .setParameter(1, seq)
                        .getSingleResult());
    }

    private String status(long seq) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("SELECT status FROM signature WHERE seq = ?1")
                        .setParameter(1, seq)
                        .getSingleResult());
    }
}
