package org.undersigned.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Rows;

/**
 * Mail survives an SMTP outage of any length: it stays in the outbox, is retried, and arrives exactly once. An outage
 * counts no attempts, so one longer than the whole retry window for refusals (test profile: 3 refusals, 1 s then
 * 2 s apart) gives nothing up.
 */
@QuarkusTest
class OutboxRetryTest {

    @MailServer.Inject
    GreenMail mail;

    @Inject
    DataSource dataSource;

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsDeliveredOnceItIsBackEvenAfterTheRetryWindow() {
        mail.stop();
        String email = SigningFlowTest.unique("outage");
        try {
            SigningFlowTest.sign(Map.of("name", "Olga Outage", "email", email, "listing", "public"))
                    .then()
                    .statusCode(202);
            long deadline = System.currentTimeMillis() + 15_000;
            while (triedWhileDown(email) == 0 && System.currentTimeMillis() < deadline) {
                Mailbox.sleep(100);
            }
            assertThat(triedWhileDown(email))
                    .as("a delivery was tried while SMTP was down")
                    .isPositive();
            Mailbox.sleep(5_000); // longer than the retry window of three refusals
            assertThat(pendingUnattempted(email))
                    .as("still queued, with no attempt counted against it")
                    .isEqualTo(1);
        } finally {
            mail.start();
        }
        assertThat(Mailbox.subject(Mailbox.await(mail, email, 1))).startsWith("Confirm your signature");
        Mailbox.sleep(2_500);
        assertThat(Mailbox.to(mail, email)).hasSize(1);
        // once sent, the outbox keeps no address
        assertThat(rowsAddressedTo(email)).isZero();
    }

    private long triedWhileDown(String email) {
        return Rows.count(
                dataSource, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND last_error IS NOT NULL", email);
    }

    private long pendingUnattempted(String email) {
        return Rows.count(
                dataSource,
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status = 'PENDING' AND attempts = 0",
                email);
    }

    private long rowsAddressedTo(String email) {
        return Rows.count(dataSource, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email);
    }
}
