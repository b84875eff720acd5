package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;

/**
 * Replicas share one outbox: senders that drain it at the same time (two called here, as two replicas' schedulers
 * would, besides this instance's own) send every message exactly once.
 */
@QuarkusTest
class ReplicasTest {

    private static final int MAILS = 1_200; // more than two rounds of the default batch

    @MailServer.Inject
    GreenMail mail;

    @Inject
    Outbox outbox;

    @Inject
    MailSender sender;

    @Test
    void senderReplicasDrainingOneOutboxTogetherSendEachMailOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Mail> mails = IntStream.range(0, MAILS)
                .mapToObj(i -> new Mail("replica-" + run + "-" + i + "@example.org", "Replica " + i, "text " + i, null))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> mails.forEach(outbox::enqueue));
        CompletableFuture<Void> one = CompletableFuture.runAsync(sender::sendDue);
        CompletableFuture<Void> two = CompletableFuture.runAsync(sender::sendDue);
        CompletableFuture.allOf(one, two).join();

        long deadline = System.currentTimeMillis() + 60_000;
        while (received(run).size() < MAILS && System.currentTimeMillis() < deadline) {
            Mailbox.sleep(200);
        }
        Mailbox.sleep(2_500); // a second copy would arrive in this time
        List<String> received = received(run);
        assertThat(received).hasSize(MAILS);
        assertThat(received).doesNotHaveDuplicates();
    }

    /** The recipients of this run's messages received so far, one entry per delivered message. */
    private List<String> received(String run) {
        return Arrays.stream(mail.getReceivedMessages())
                .map(ReplicasTest::recipient)
                .filter(to -> to.startsWith("replica-" + run + "-"))
                .toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
