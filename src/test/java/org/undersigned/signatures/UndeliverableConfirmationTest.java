package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.RefusingRelay;
import org.undersigned.support.Signing;

/**
 * A confirmation the relay refuses until the last retry (test profile: 3 refusals) is never dropped silently:
 * organisers see it on their console and in the metric, and the signer asks for a new link on the letter page.
 */
@QuarkusTest
class UndeliverableConfirmationTest {

    private static final String LETTER = SigningFlowTest.LETTER;
    private static final Pattern UNDELIVERED = Pattern.compile("(\\d+) sign-ups? could not be confirmed");
    private static final Pattern FAILED_METRIC =
            Pattern.compile("(?m)^undersigned_mail_failed(?:\\{[^}]*\\})? (\\S+)$");

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void aConfirmationRefusedUntilTheLastRetryIsShownToOrganisersAndTheSignerGetsANewLinkFromTheLetterPage() {
        String email = Signing.address("undeliverable", "example.org");
        long shownBefore = undeliveredOnConsole();
        double metricBefore = failedMetric();
        int port = mail.getSmtp().getPort();
        mail.stop();
        try (RefusingRelay relay = new RefusingRelay(port, "undeliverable")) {
            SigningFlowTest.sign(Map.of("name", "Una Deliverable", "email", email, "listing", "public"))
                    .then()
                    .statusCode(202);
            long deadline = System.currentTimeMillis() + 30_000;
            while (failedMetric() <= metricBefore && System.currentTimeMillis() < deadline) {
                Mailbox.sleep(200);
            }
            assertThat(relay.refusals()).as("refused at every attempt").isGreaterThanOrEqualTo(3);
        } finally {
            mail.start();
        }
        assertThat(failedMetric()).as("undersigned_mail_failed").isEqualTo(metricBefore + 1);
        assertThat(undeliveredOnConsole()).as("the organisers' console").isEqualTo(shownBefore + 1);

        FormSession.open("/letters/" + LETTER)
                .post()
                .formParam("email", email)
                .post("/letters/" + LETTER + "/resend")
                .then()
                .statusCode(200)
                .body(containsString("a new confirmation link is on its way"));
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(confirm)
                .post()
                .post(confirm)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));
    }

    @Test
    void askingForANewLinkSaysTheSameForAnAddressThatNeverSignedAndMailsNothing() {
        String stranger = Signing.address("never-signed", "example.org");
        FormSession.open("/letters/" + LETTER)
                .post()
                .formParam("email", stranger)
                .post("/letters/" + LETTER + "/resend")
                .then()
                .statusCode(200)
                .body(containsString("a new confirmation link is on its way"));
        Mailbox.sleep(2_500);
        assertThat(Mailbox.to(mail, stranger)).isEmpty();
    }

    @Test
    void aMalformedAddressIsRefusedWithTheReasonAndTheFormAgain() {
        FormSession.open("/letters/" + LETTER)
                .post()
                .formParam("email", "not an address")
                .post("/letters/" + LETTER + "/resend")
                .then()
                .statusCode(400)
                .body(containsString("no spaces"))
                .body(containsString("Send me a new link"));
    }

    private long undeliveredOnConsole() {
        String organiser = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        String page = given().cookie("organiser", organiser)
                .get("/organisers")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = UNDELIVERED.matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private double failedMetric() {
        String metrics = given().port(managementPort).get("/q/metrics").asString();
        Matcher m = FAILED_METRIC.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
