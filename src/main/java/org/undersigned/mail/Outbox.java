package org.undersigned.mail;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The transactional outbox: a mail is queued in the caller's transaction, so it is sent if and only if the change
 * that caused it commits. Delivery happens later, outside any business transaction ({@link MailSender}).
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;

    Outbox(OutboxRepository repository, MeterRegistry registry) {
        this.repository = repository;
        registry.gauge("undersigned.mail.outbox.depth", repository, r -> QuarkusSafe.count(r));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Mail mail) {
        OutboxMessage m = new OutboxMessage();
        m.recipient = mail.to();
        m.subject = mail.subject();
        m.textBody = mail.text();
        m.htmlBody = mail.html();
        m.listUnsubscribe = mail.listUnsubscribe();
        m.status = OutboxMessage.Status.PENDING;
        m.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        m.nextAttemptAt = m.createdAt;
        repository.persist(m);
    }

    /** Gauges are read on a metrics thread without a transaction. */
    static final class QuarkusSafe {
        private QuarkusSafe() {
        }

        static double count(OutboxRepository r) {
            try {
                return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(r::countPending);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
