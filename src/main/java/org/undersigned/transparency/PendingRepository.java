package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.em;
import static org.undersigned.transparency.LogDatabase.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The events waiting for the sequencer (log_pending). Appending and watching the queue go through Panache, the
 * default; the sequencer's batch read and delete are plain JDBC.
 */
@ApplicationScoped
class PendingRepository {

    void add(long letterId, String entry, Long signatureSeq, String effect) {
        em().createNativeQuery("INSERT INTO log_pending (letter_id, entry, signature_seq, effect, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, CURRENT_TIMESTAMP)")
                .setParameter(1, letterId)
                .setParameter(2, entry)
                .setParameter(3, signatureSeq)
                .setParameter(4, effect)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<Long> lettersWithPending() {
        return ((List<Number>) em().createNativeQuery("SELECT DISTINCT letter_id FROM log_pending")
                        .getResultList())
                .stream().map(Number::longValue).toList();
    }

    boolean nothingPending() {
        return ((Number) em().createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM log_pending LIMIT 1) p")
                                .getSingleResult())
                        .longValue()
                == 0;
    }

    /** Seconds since the oldest event still waiting for the sequencer was written; 0 when none waits. */
    double oldestPendingAge() {
        Object oldest = em().createNativeQuery("SELECT MIN(created_at) FROM log_pending")
                .getSingleResult();
        if (oldest == null) {
            return 0;
        }
        Instant at = oldest instanceof Timestamp t
                ? t.toInstant()
                : oldest instanceof OffsetDateTime o ? o.toInstant() : Instant.parse(oldest.toString());
        return Math.max(0, (System.currentTimeMillis() - at.toEpochMilli()) / 1000.0);
    }

    /**
     * The oldest events of a letter, up to {@code limit}: one sequencer batch. Plain JDBC: the sequencer integrates
     * 2,501 entries/s as they arrive and drains a burst at 30,488/s at 10M entries (bench/LOG.md).
     */
    List<PendingEvent> oldest(long letterId, int limit) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, entry, signature_seq, effect, created_at "
                    + "FROM log_pending WHERE letter_id = ? ORDER BY id LIMIT ?")) {
                s.setLong(1, letterId);
                s.setInt(2, limit);
                List<PendingEvent> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(3);
                        Long signatureSeq = r.wasNull() ? null : seq; // wasNull is of the column read last
                        rows.add(new PendingEvent(
                                r.getLong(1),
                                r.getString(2),
                                signatureSeq,
                                r.getString(4),
                                r.getTimestamp(5).toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    /** Plain JDBC, one batch per sequencer transaction: 2,501 entries/s integrated at 10M entries (bench/LOG.md). */
    void delete(List<PendingEvent> done) {
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM log_pending WHERE id = ?")) {
                for (PendingEvent p : done) {
                    s.setLong(1, p.id());
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }
}
