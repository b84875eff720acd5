package org.undersigned.mail;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.undersigned.web.ShortCache;

/**
 * The transactional outbox: a mail is queued in the caller's transaction, so it is sent if and only if the change
 * that caused it commits. Delivery happens later, outside any business transaction ({@link MailSender}).
 */
@ApplicationScoped
public class Outbox {

    /** The outbox depth gauge counts queued mails up to this many. */
    static final long DEPTH_CAP = 100_000;

    private final OutboxRepository repository;
    private final AgroalDataSource dataSource;
    private final ShortCache<String, Double> gauges = new ShortCache<>(Duration.ofSeconds(5), 2);

    Outbox(OutboxRepository repository, AgroalDataSource dataSource, MeterRegistry registry) {
        this.repository = repository;
        this.dataSource = dataSource;
        // Read at most every 5 s whatever scrapes the metrics, and the depth counted only up to DEPTH_CAP: counting a
        // backlog of a million rows took 1.9 s of PostgreSQL a scrape, a core's worth when polled (bench/README.md)
        registry.gauge(
                "undersigned.mail.outbox.depth",
                gauges,
                g -> g.get("depth", k -> QuarkusSafe.call(() -> repository.countPending(DEPTH_CAP))));
        // across replicas and restarts: the rows given up, not this replica's count of them
        registry.gauge(
                "undersigned.mail.failed",
                gauges,
                g -> g.get("failed", k -> QuarkusSafe.call(repository::countFailed)));
    }

    /** Mails with this tag given up after the last retry: how many, and when the latest of them was queued. */
    public record Undelivered(long count, OffsetDateTime latest) {}

    @Transactional
    public Undelivered undelivered(String tag) {
        return repository.undelivered(tag);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Mail mail) {
        OutboxMessage m = new OutboxMessage();
        m.recipient = mail.to();
        m.subject = mail.subject();
        m.textBody = mail.text();
        m.htmlBody = mail.html();
        m.listUnsubscribe = mail.listUnsubscribe();
        m.tag = mail.tag();
        m.language = mail.language();
        m.status = OutboxMessage.Status.PENDING;
        m.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        m.nextAttemptAt = m.createdAt;
        repository.persist(m);
    }

    /**
     * Queues mails in the caller's transaction as one batch of inserts (plain JDBC on the transaction's connection:
     * the group commit of sign-ups, 6,593 sign-ups/s in bench/README.md, queues one mail per sign-up).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<Mail> mails) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (recipient, subject, "
                        + "text_body, html_body, list_unsubscribe, tag, language, status, attempts, next_attempt_at, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            for (Mail mail : mails) {
                insert.setString(1, mail.to());
                insert.setString(2, mail.subject());
                insert.setString(3, mail.text());
                insert.setString(4, mail.html());
                insert.setString(5, mail.listUnsubscribe());
                insert.setString(6, mail.tag());
                insert.setString(7, mail.language());
                insert.setObject(8, now);
                insert.setObject(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Gauges are read on a metrics thread without a transaction. */
    static final class QuarkusSafe {
        private QuarkusSafe() {}

        static double call(Callable<Long> count) {
            try {
                return QuarkusTransaction.requiringNew().call(count);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
