package org.undersigned.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.transparency.TransparencyLog;

/**
 * With the demo on (dev mode's setting, here for one test letter of its own): the letter gets sample signatures through
 * the real signing paths, whose log the journalist's verifier recounts to the published count, with every kind of
 * evidence and ending; a second run adds nothing; the demo organiser signs in from the sign-in page.
 */
@QuarkusTest
@TestProfile(DemoDataTest.DemoOn.class)
class DemoDataTest {

    static final String LETTER = "demo-letter";
    static final int SIGNERS = 60;

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.demo.enabled",
                    "true",
                    "undersigned.demo.letters",
                    LETTER,
                    "undersigned.demo.signatures",
                    String.valueOf(SIGNERS));
        }
    }

    @MailServer.Inject
    GreenMail mail;

    @Inject
    DemoData data;

    @Inject
    TransparencyLog log;

    @Inject
    SignatureDecisions decisions;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "undersigned.public-url")
    String publicUrl;

    @BeforeEach
    void demoWritten() throws Exception {
        data.awaitStartRun();
        assertThat(data.state()).isEqualTo(DemoData.State.DONE);
    }

    @Test
    void theDemoLetterHasANonEmptyLogThatRecountsToThePublishedCount() throws Exception {
        long total = Counted.total(LETTER, log);
        assertThat(total).isGreaterThan(SIGNERS / 2);

        OfflineVerifier.Run run = OfflineVerifier.verify(publicUrl, LETTER);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK  recounted " + total + " signatures from the log, as published");
    }

    @Test
    void theSampleSignaturesMixEvidenceLevelsVersionsListingsAndEndings() {
        Counted.settle(log);
        JsonPath count = given().get("/api/letters/" + LETTER + "/count").jsonPath();
        Map<String, Integer> levels = count.getMap("byLevel");
        assertThat(levels).as("levels").allSatisfy((level, n) -> {
            if (!level.equals("orcid-self") && !level.equals("orcid-institution")) {
                assertThat(n).as(level).isPositive();
            }
        });
        Map<String, Integer> versions = count.getMap("byVersion");
        assertThat(versions.get("1"))
                .as("signers who did not re-affirm after the material change")
                .isPositive();
        assertThat(versions.get("2")).as("re-affirmed and new signers").isPositive();
        assertThat(decisions.held(LETTER, 10))
                .as("held by the impersonation guard")
                .hasSize(DemoLetter.IMPERSONATIONS);
        assertThat(rows("status = 'WITHDRAWN'")).as("withdrawn").isPositive();
        assertThat(rows("listing = 'private' AND status = 'CONFIRMED'"))
                .as("private")
                .isPositive();
        assertThat(rows("email NOT LIKE 'demo-%'")).as("only made-up addresses").isZero();
        assertThat(Counted.entries(LETTER, log))
                .anyMatch(e -> e.contains("\"reaffirmation\""))
                .anyMatch(e -> e.contains("\"attested"))
                .anyMatch(e -> e.contains("\"withdrawal\""));
    }

    @Test
    void runningTheDemoAgainEvenTwiceAtOnceAddsNothing() throws Exception {
        long signatures = rows("TRUE");
        long total = Counted.total(LETTER, log);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(data::run);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(data::run);

        assertThat(List.of(one.get(), two.get())).containsExactly(0, 0);
        assertThat(rows("TRUE")).isEqualTo(signatures);
        assertThat(Counted.total(LETTER, log)).isEqualTo(total);
    }

    @Test
    void theDemoOrganiserSignsInFromTheSignInPageAndSeesTheDemoLetter() {
        Document page = Jsoup.parse(given().get("/organisers/sign-in")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("form[action=/organisers/demo] button")).hasSize(1);

        String cookie = FormSession.open("/organisers/sign-in")
                .post()
                .redirects()
                .follow(false)
                .post("/organisers/demo")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/organisers"))
                .extract()
                .cookie("organiser");

        assertThat(cookie).isNotBlank();
        String console = given().accept("text/html")
                .cookie("organiser", cookie)
                .get("/organisers")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(console).contains(LETTER);
    }

    @Test
    void theDemoOrganiserFormRefusesAPostWithoutItsCsrfToken() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "x")
                .post("/organisers/demo")
                .then()
                .statusCode(403);
    }

    private long rows(String where) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM signature WHERE letter_id = "
                                        + "(SELECT id FROM letter WHERE slug = ?1) AND status <> 'DUPLICATE' AND "
                                        + where)
                                .setParameter(1, LETTER)
                                .getSingleResult())
                        .longValue());
    }
}
