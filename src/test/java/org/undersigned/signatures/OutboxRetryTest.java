package org.undersigned.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;

/** Mail survives an SMTP outage: it stays in the outbox, is retried with backoff, and arrives exactly once. */
@QuarkusTest
class OutboxRetryTest {

    @MailServer.Inject
    GreenMail mail;

    @Inject
    EntityManager em;

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsDeliveredOnceItIsBack() {
        mail.stop();
        String email = SigningFlowTest.unique("outage");
        try {
            SigningFlowTest.sign(Map.of("name", "Olga Outage", "email", email, "listing", "public"))
                    .then()
                    .statusCode(202);
            long deadline = System.currentTimeMillis() + 15_000;
            while (failedAttempts(email) == 0 && System.currentTimeMillis() < deadline) {
                Mailbox.sleep(100);
            }
            assertThat(failedAttempts(email))
                    .as("a delivery attempt failed while SMTP was down")
                    .isPositive();
        } finally {
            mail.start();
        }
        assertThat(Mailbox.subject(Mailbox.await(mail, email, 1))).startsWith("Confirm your signature");
        Mailbox.sleep(2_500);
        assertThat(Mailbox.to(mail, email)).hasSize(1);
        // once sent, the outbox keeps no address
        assertThat(rowsAddressedTo(email)).isZero();
    }

    private long failedAttempts(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "SELECT COALESCE(MAX(attempts), 0) FROM mail_outbox WHERE recipient = ?1 AND last_error IS NOT NULL")
                                .setParameter(1, email)
                                .getSingleResult())
                        .longValue());
    }

    private long rowsAddressedTo(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?1")
                                .setParameter(1, email)
                                .getSingleResult())
                        .longValue());
    }
}
