package org.undersigned.mail;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.undersigned.web.PublicUrl;

/**
 * Delivers queued mail over SMTP, never inside a business transaction. Each message is claimed, sent, then marked
 * sent; a failure is retried with exponential backoff up to a limit. A stable Message-ID per outbox row lets
 * receiving servers drop the rare duplicate after a crash between sending and marking.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final OutboxRepository repository;
    private final Mailer mailer;
    private final DevMailbox devMailbox;
    private final Duration retryBase;
    private final int maxAttempts;
    private final String host;

    MailSender(
            OutboxRepository repository, Mailer mailer, DevMailbox devMailbox, MailConfig config, PublicUrl publicUrl) {
        this.repository = repository;
        this.mailer = mailer;
        this.devMailbox = devMailbox;
        this.retryBase = config.retryBase();
        this.maxAttempts = config.maxAttempts();
        this.host = publicUrl.host();
    }

    @Scheduled(
            every = "${undersigned.mail.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "mail-sender")
    void sendDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> claimed =
                QuarkusTransaction.requiringNew().call(() -> repository.claimDue(now, now.plusMinutes(5), 50));
        claimed.forEach(this::deliver);
    }

    private void deliver(long id) {
        OutboxMessage m = QuarkusTransaction.requiringNew().call(() -> repository.findById(id));
        if (m == null || m.status != OutboxMessage.Status.PENDING) {
            return;
        }
        try {
            io.quarkus.mailer.Mail mail = io.quarkus.mailer.Mail.withText(m.recipient, m.subject, m.textBody)
                    .setHtml(m.htmlBody)
                    .addHeader("Message-ID", "<outbox-" + id + "@" + host + ">")
                    .addHeader("Auto-Submitted", "auto-generated");
            if (m.listUnsubscribe != null) { // RFC 8058: mail clients offer a one-click unsubscribe button
                mail.addHeader("List-Unsubscribe", "<" + m.listUnsubscribe + ">")
                        .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mailer.send(mail);
            devMailbox.record(new Mail(m.recipient, m.subject, m.textBody, m.htmlBody));
            QuarkusTransaction.requiringNew().run(() -> markSent(id));
        } catch (RuntimeException e) {
            // the message may contain an address; log only the outbox id and the error class
            LOG.warnf(
                    "Mail %d not sent (attempt %d): %s",
                    id, m.attempts + 1, e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> markFailed(id, e));
        }
    }

    private void markSent(long id) {
        OutboxMessage m = repository.findById(id);
        m.status = OutboxMessage.Status.SENT;
        m.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
        m.attempts++;
        m.recipient = null;
        m.textBody = null;
        m.htmlBody = null;
        m.listUnsubscribe = null;
        m.claimedUntil = null;
    }

    private void markFailed(long id, RuntimeException e) {
        OutboxMessage m = repository.findById(id);
        m.attempts++;
        m.claimedUntil = null;
        m.lastError = truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
        if (m.attempts >= maxAttempts) {
            m.status = OutboxMessage.Status.FAILED;
            m.recipient = null;
            m.textBody = null;
            m.htmlBody = null;
            m.listUnsubscribe = null;
        } else {
            long factor = 1L << Math.min(m.attempts - 1, 10);
            Duration delay = retryBase.multipliedBy(factor);
            m.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC)
                    .plus(delay.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : delay);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
