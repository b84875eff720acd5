package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

@ApplicationScoped
class OutboxRepository implements PanacheRepository<OutboxMessage> {

    private static final Logger LOG = Logger.getLogger(OutboxRepository.class);
    /** A mail given up keeps no address, body, name or link: only that it failed, when and why. */
    private static final String GIVEN_UP = "status = 'FAILED', claimed_until = NULL, recipient = NULL, "
            + "text_body = NULL, html_body = NULL, fills = NULL, list_unsubscribe = NULL";

    private final boolean postgres;
    private final Map<String, MailShape> knownShapes = new ConcurrentHashMap<>();

    OutboxRepository(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
    }

    /** A claimed message, read in the claiming statement so that sending needs no further read. */
    record Queued(
            long id,
            String recipient,
            String subject,
            String text,
            String html,
            String listUnsubscribe,
            String language,
            int attempts,
            OffsetDateTime due) {}

    /** A round's claim: the messages to send, and how many read with them were given up at once (shape missing). */
    record Claim(List<Queued> queued, int givenUp) {
        static final Claim NONE = new Claim(List.of(), 0);

        /** Rows the claim read: as many as asked for means more may be due. */
        int read() {
            return queued.size() + givenUp;
        }
    }

    /**
     * Claims up to {@code limit} due messages until {@code until}, in queue order from {@code after} (the last one
     * claimed in this run of rounds; null from the start). Reading on from the last claim rather than from the start
     * of the queue keeps a long drain from walking, at every round, past the index entries of the rows it has
     * already sent and deleted, which only a vacuum removes (bench/README.md, "Mail"). {@code SKIP LOCKED} lets
     * senders on other replicas claim the next rows instead of waiting for these, and the lease re-checked in the
     * WHERE clause keeps a row claimed after this transaction ends: a message is claimed by one sender at a time. A
     * sender that dies leaves its lease to expire, and the messages are sent again (their stable Message-ID lets
     * receivers drop the copy).
     */
    @SuppressWarnings("unchecked")
    Claim claim(OffsetDateTime now, OffsetDateTime until, int limit, Queued after) {
        if (postgres) {
            // Only the index read in queue order is cheap here, but a surge grows the table faster than its
            // statistics follow (an analyse comes at most once a minute, and never without autovacuum): estimating a
            // few hundred due rows, the planner would fetch every due row and sort them, seconds for a million. This
            // transaction alone is told not to sort.
            getEntityManager().createNativeQuery("SET LOCAL enable_sort = off").executeUpdate();
        }
        commitWithoutWaiting();
        Query query = getEntityManager()
                .createNativeQuery("SELECT id, recipient, subject, text_body, html_body, list_unsubscribe, language, "
                        + "attempts, next_attempt_at, shape, fills FROM mail_outbox "
                        + "WHERE status = 'PENDING' AND next_attempt_at <= ?1 "
                        + (after == null ? "" : "AND (next_attempt_at, id) > (?3, ?4) ")
                        + "AND (claimed_until IS NULL OR claimed_until < ?1) "
                        + "ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, limit);
        if (after != null) {
            query.setParameter(3, after.due()).setParameter(4, after.id());
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Claim.NONE;
        }
        Map<String, MailShape> shapes = shapes(
                rows.stream().map(r -> (String) r[9]).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<Long> shapeless = new ArrayList<>();
        List<Queued> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            MailShape shape = r[9] == null ? null : shapes.get((String) r[9]);
            if (r[9] != null && shape == null) {
                shapeless.add(id);
                continue;
            }
            Map<String, String> fills = shape == null ? null : ShapedMail.fillsFrom((String) r[10]);
            claimed.add(new Queued(
                    id,
                    (String) r[1],
                    (String) r[2],
                    shape == null ? (String) r[3] : shape.text(fills),
                    shape == null ? (String) r[4] : shape.html(fills),
                    (String) r[5],
                    (String) r[6],
                    ((Number) r[7]).intValue(),
                    toOffset(r[8])));
        }
        if (!shapeless.isEmpty()) {
            // Its bodies cannot be made again: given up like a refused mail, so the signer's "new link" mends it
            // and the rounds behind it go on. Only how many is logged, never an address.
            LOG.errorf("%d queued mail(s) name a shape that is not stored: given up", shapeless.size());
            giveUp(shapeless, now, "shape missing");
        }
        if (!claimed.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("UPDATE mail_outbox SET claimed_until = ?1 WHERE id IN (?2)")
                    .setParameter(1, until)
                    .setParameter(2, claimed.stream().map(Queued::id).toList())
                    .executeUpdate();
        }
        return new Claim(List.copyOf(claimed), shapeless.size());
    }

    /** The stored shapes among {@code ids}: kept once read, since a shape's id is the hash of what it holds. */
    @SuppressWarnings("unchecked")
    private Map<String, MailShape> shapes(Set<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(knownShapes.keySet());
        if (!missing.isEmpty()) {
            if (knownShapes.size() > 1_000) {
                knownShapes.clear(); // shapes of old titles: keep the map small
            }
            List<Object[]> rows = getEntityManager()
                    .createNativeQuery("SELECT id, text_body, html_body FROM mail_shape WHERE id IN (?1)")
                    .setParameter(1, missing)
                    .getResultList();
            rows.forEach(
                    r -> knownShapes.put((String) r[0], new MailShape((String) r[0], (String) r[1], (String) r[2])));
        }
        Map<String, MailShape> found = new HashMap<>();
        for (String id : ids) {
            MailShape shape = knownShapes.get(id);
            if (shape != null) {
                found.put(id, shape);
            }
        }
        return found;
    }

    /**
     * The sender's own transactions (claims and outcomes) commit without waiting for their WAL to reach the disk: on
     * PostgreSQL's crash the last few of them may be lost, which sends a mail twice (its lease or its deletion was
     * lost; the stable Message-ID lets receivers drop the copy) or tries a refused one once more. In return they do
     * not queue for the disk's flushes with the sign-ups' commits (bench/README.md, "Mail").
     */
    void commitWithoutWaiting() {
        if (postgres) {
            getEntityManager()
                    .createNativeQuery("SET LOCAL synchronous_commit = off")
                    .executeUpdate();
        }
    }

    /** Sent: the row goes, with the address and bodies (a delete also leaves less behind than an update). */
    void delete(List<Long> ids) {
        getEntityManager()
                .createNativeQuery("DELETE FROM mail_outbox WHERE id IN (?1)")
                .setParameter(1, ids)
                .executeUpdate();
    }

    /** The relay could not be reached: no attempt is counted, so an outage of any length gives nothing up. */
    void postpone(List<Long> ids, OffsetDateTime next, String error) {
        getEntityManager()
                .createNativeQuery("UPDATE mail_outbox SET claimed_until = NULL, next_attempt_at = ?1, last_error = ?2 "
                        + "WHERE id IN (?3)")
                .setParameter(1, next)
                .setParameter(2, error)
                .setParameter(3, ids)
                .executeUpdate();
    }

    /** The relay refused this message: one attempt more, then either a later try or, at the last, given up. */
    void refused(long id, int attempts, OffsetDateTime next, String error, boolean giveUp) {
        getEntityManager()
                .createNativeQuery(
                        giveUp
                                ? "UPDATE mail_outbox SET " + GIVEN_UP
                                        + ", attempts = ?1, last_error = ?2, sent_at = ?3 WHERE id = ?4"
                                : "UPDATE mail_outbox SET attempts = ?1, claimed_until = NULL, last_error = ?2, "
                                        + "next_attempt_at = ?3 WHERE id = ?4")
                .setParameter(1, attempts)
                .setParameter(2, error)
                .setParameter(3, next)
                .setParameter(4, id)
                .executeUpdate();
    }

    /** A queued mail that cannot be sent as stored: given up without an attempt more (see {@link #claim}). */
    private void giveUp(List<Long> ids, OffsetDateTime now, String error) {
        getEntityManager()
                .createNativeQuery(
                        "UPDATE mail_outbox SET " + GIVEN_UP + ", last_error = ?1, sent_at = ?2 WHERE id IN (?3)")
                .setParameter(1, error)
                .setParameter(2, now)
                .setParameter(3, ids)
                .executeUpdate();
    }

    /** Queued mails, counted up to {@code cap}: the cost stays bounded however deep the backlog. */
    long countPending(long cap) {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM mail_outbox WHERE status = 'PENDING' "
                                + "LIMIT ?1) queued")
                        .setParameter(1, cap)
                        .getSingleResult())
                .longValue();
    }

    /** 'FAILED' in the text, so that PostgreSQL's partial index of given-up mails answers (V46). */
    long countFailed() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM mail_outbox WHERE status = 'FAILED'")
                        .getSingleResult())
                .longValue();
    }

    Outbox.Undelivered undelivered(String tag) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery(
                        "SELECT COUNT(*), MAX(created_at) FROM mail_outbox WHERE status = 'FAILED' AND tag = ?1")
                .setParameter(1, tag)
                .getSingleResult();
        return new Outbox.Undelivered(((Number) row[0]).longValue(), toOffset(row[1]));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
