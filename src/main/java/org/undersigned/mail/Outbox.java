package org.undersigned.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private final ShortCache<String, Double> gauges = new ShortCache<>(Duration.ofSeconds(5), 2);

    Outbox(OutboxRepository repository, MeterRegistry registry) {
        this.repository = repository;
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
     * An INSERT, for a caller's own statement (a data-modifying WITH query), that queues one {@link ShapedMail} per row
     * of the relation {@code rows}, whose columns {@code mail_to, mail_subject, mail_shape, mail_fills, mail_tag,
     * mail_language} hold its fields (the shape's id, the fills as {@link ShapedMail#fillsJson}) and {@code mail_at}
     * the time it is queued at: the sign-up writer stores a batch's signatures, tokens and mails in one round trip
     * (PostgreSQL only). The same statement stores the shapes with {@link #insertShapesFrom}.
     */
    public static String insertFrom(String rows) {
        return "INSERT INTO mail_outbox (recipient, subject, shape, fills, tag, language, status, attempts, "
                + "next_attempt_at, created_at) SELECT mail_to, mail_subject, mail_shape, mail_fills, mail_tag, "
                + "mail_language, 'PENDING', 0, mail_at, mail_at FROM " + rows;
    }

    /**
     * An INSERT, for the same statement as {@link #insertFrom}, of the shapes in {@code rows} (columns {@code
     * shape_id, shape_text, shape_html}) not stored yet: a shape is content-addressed, so storing it again is a lookup.
     */
    public static String insertShapesFrom(String rows) {
        return "INSERT INTO mail_shape (id, text_body, html_body, created_at) SELECT shape_id, shape_text, shape_html, "
                + "now() FROM " + rows + " ON CONFLICT (id) DO NOTHING";
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
