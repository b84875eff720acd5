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
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.RefusingRelay;
import org.undersigned.support.Rows;
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
    private static final Pattern GIVEN_UP_METRIC =
            Pattern.compile("(?m)^undersigned_mail_given_up_total(?:\\{[^}]*\\})? (\\S+)$");

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @Inject
    DataSource dataSource;

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
            failedMetricOnceAbove(metricBefore, 30_000);
            assertThat(relay.refusals()).as("refused at every attempt").isGreaterThanOrEqualTo(3);
        } finally {
            mail.start();
        }
        assertThat(failedMetric()).as("undersigned_mail_failed").isEqualTo(metricBefore + 1);
        assertThat(undeliveredOnConsole()).as("the organisers' console").isEqualTo(shownBefore + 1);
        assertThat(Rows.count(
                        dataSource,
                        "SELECT count(*) FROM mail_outbox WHERE status = 'FAILED' AND (recipient IS NOT NULL "
                                + "OR text_body IS NOT NULL OR html_body IS NOT NULL OR fills IS NOT NULL)"))
                .as("a mail given up keeps no address, body, name or link")
                .isZero();

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
    void aQueuedMailWhoseShapeIsNotStoredIsGivenUpAndTheMailQueuedAfterItStillGoes() {
        String orphan = Signing.address("shapeless", "example.org");
        double metricBefore = failedMetric();
        double givenUpBefore = metric(GIVEN_UP_METRIC);
        Rows.update(
                dataSource,
                "INSERT INTO mail_outbox (recipient, subject, shape, fills, language, status, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, 'Confirm your signature', repeat('0', 64), ?, "
                        + "'en', 'PENDING', 0, now(), now())",
                orphan,
                "{\"link\":\"https://letters.test/confirm/x\",\"name\":\"Shapeless Signer\"}");
        String next = Signing.address("after-shapeless", "example.org");
        SigningFlowTest.sign(Map.of("name", "After Shapeless", "email", next, "listing", "public"))
                .then()
                .statusCode(202);

        assertThat(Mailbox.await(mail, next, 1)).isNotNull();
        assertThat(Rows.awaitCount(
                        1,
                        dataSource,
                        "SELECT count(*) FROM mail_outbox WHERE status = 'FAILED' AND last_error = 'shape missing' "
                                + "AND recipient IS NULL AND fills IS NULL AND shape = repeat('0', 64)"))
                .as("given up, keeping no address, name or link")
                .isEqualTo(1);
        assertThat(Mailbox.to(mail, orphan)).isEmpty();
        assertThat(failedMetricOnceAbove(metricBefore, 15_000))
                .as("undersigned_mail_failed")
                .isEqualTo(metricBefore + 1);
        assertThat(metric(GIVEN_UP_METRIC))
                .as("undersigned_mail_given_up_total")
                .isEqualTo(givenUpBefore + 1);
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

    /** The failed-mail gauge once above {@code before}, or when {@code millis} are up (it is read every 5 s). */
    private double failedMetricOnceAbove(double before, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        double now = failedMetric();
        while (now <= before && System.currentTimeMillis() < deadline) {
            Mailbox.sleep(200);
            now = failedMetric();
        }
        return now;
    }

    private double failedMetric() {
        return metric(FAILED_METRIC);
    }

    private double metric(Pattern line) {
        String metrics = given().port(managementPort).get("/q/metrics").asString();
        Matcher m = line.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
