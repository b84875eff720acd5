package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.Session;
import org.undersigned.web.SqlTimes;

/** The per-window sign-up counts (signup_signal) and the fold's mark (V32). */
@ApplicationScoped
class SignupWindowRepository {

    /** A sign-up or confirmation as the fold reads it: only what the signals need. */
    record Row(long seq, long letterId, OffsetDateTime at, String networkTag, String email, String nameFolded) {}

    /** How far the fold has read. */
    record Mark(long seq, OffsetDateTime confirmedAt) {}

    /** A stored count. */
    record Count(OffsetDateTime windowStart, String dimension, String value, int signups, int confirmations) {}

    /** The mark, locked until the transaction ends: replicas fold in turn. */
    Mark lockMark() {
        Object[] r = (Object[]) em().createNativeQuery(
                        "SELECT signature_seq, confirmed_at FROM signup_signal_mark WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        return new Mark(((Number) r[0]).longValue(), SqlTimes.utc(r[1]));
    }

    void moveMark(long seq, OffsetDateTime confirmedAt) {
        em().createNativeQuery("UPDATE signup_signal_mark SET signature_seq = ?1, confirmed_at = ?2 WHERE id = 1")
                .setParameter(1, seq)
                .setParameter(2, confirmedAt)
                .executeUpdate();
    }

    /** Sign-ups after {@code seq}, oldest first. */
    List<Row> signupsAfter(long seq, int limit) {
        return rows(em().createNativeQuery("SELECT seq, letter_id, created_at, network_tag, email, name_folded "
                        + "FROM signature WHERE seq > ?1 ORDER BY seq")
                .setParameter(1, seq)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The first confirmation after {@code after}, if any (the fold skips quiet stretches in one step). */
    OffsetDateTime firstConfirmationAfter(OffsetDateTime after) {
        return SqlTimes.utc(em().createNativeQuery("SELECT MIN(confirmed_at) FROM signature WHERE confirmed_at > ?1")
                .setParameter(1, after)
                .getSingleResult());
    }

    /** Confirmations in (after, upTo]. */
    List<Row> confirmations(OffsetDateTime after, OffsetDateTime upTo) {
        return rows(em().createNativeQuery("SELECT seq, letter_id, confirmed_at, network_tag, email, name_folded "
                        + "FROM signature WHERE confirmed_at > ?1 AND confirmed_at <= ?2")
                .setParameter(1, after)
                .setParameter(2, upTo)
                .getResultList());
    }

    /** One count to add to. */
    record Added(
            long letterId, OffsetDateTime window, String dimension, String value, int signups, int confirmations) {}

    /**
     * Adds to counts, creating those absent, in one JDBC batch of standard MERGEs (PostgreSQL and H2 both take them):
     * a surge of distinct names makes one row each, so a statement per row and round trip would cost the fold
     * seconds. Only the fold writes, one replica at a time under the mark.
     */
    void addAll(List<Added> counts) {
        if (counts.isEmpty()) {
            return;
        }
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO signup_signal t USING (VALUES ("
                    + "CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(8)), "
                    + "CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS INTEGER))) "
                    + "AS v (letter_id, window_start, dimension, signal_value, signups, confirmations) "
                    + "ON t.letter_id = v.letter_id AND t.window_start = v.window_start "
                    + "AND t.dimension = v.dimension AND t.signal_value = v.signal_value "
                    + "WHEN MATCHED THEN UPDATE SET signups = t.signups + v.signups, "
                    + "confirmations = t.confirmations + v.confirmations "
                    + "WHEN NOT MATCHED THEN INSERT (letter_id, window_start, dimension, signal_value, signups, "
                    + "confirmations) VALUES (v.letter_id, v.window_start, v.dimension, v.signal_value, v.signups, "
                    + "v.confirmations)")) {
                for (Added a : counts) {
                    merge.setLong(1, a.letterId());
                    merge.setObject(2, a.window());
                    merge.setString(3, a.dimension());
                    merge.setString(4, a.value());
                    merge.setInt(5, a.signups());
                    merge.setInt(6, a.confirmations());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
        });
    }

    /** A letter's window totals since {@code from}, oldest first. */
    List<Count> totals(long letterId, OffsetDateTime from) {
        return counts(em().createNativeQuery("SELECT window_start, dimension, signal_value, signups, confirmations "
                        + "FROM signup_signal WHERE letter_id = ?1 AND window_start >= ?2 AND dimension = 'all' "
                        + "ORDER BY window_start")
                .setParameter(1, letterId)
                .setParameter(2, from)
                .getResultList());
    }

    /** A letter's counts since {@code from} that reach {@code min} sign-ups or confirmations (the candidates). */
    List<Count> candidates(long letterId, OffsetDateTime from, int min) {
        return counts(em().createNativeQuery("SELECT window_start, dimension, signal_value, signups, confirmations "
                        + "FROM signup_signal WHERE letter_id = ?1 AND window_start >= ?2 AND dimension <> 'all' "
                        + "AND (signups >= ?3 OR confirmations >= ?3)")
                .setParameter(1, letterId)
                .setParameter(2, from)
                .setParameter(3, min)
                .getResultList());
    }

    /** One signal's sign-ups and confirmations over the whole lookback, for its usual rate. */
    int[] sums(long letterId, OffsetDateTime from, String dimension, String value) {
        Object[] r =
                (Object[]) em().createNativeQuery("SELECT COALESCE(SUM(signups), 0), COALESCE(SUM(confirmations), 0) "
                                + "FROM signup_signal WHERE letter_id = ?1 AND window_start >= ?2 AND dimension = ?3 "
                                + "AND signal_value = ?4")
                        .setParameter(1, letterId)
                        .setParameter(2, from)
                        .setParameter(3, dimension)
                        .setParameter(4, value)
                        .getSingleResult();
        return new int[] {((Number) r[0]).intValue(), ((Number) r[1]).intValue()};
    }

    /** Names signed on a letter in [from, to), at most {@code limit}: to show what near-identical names look like. */
    @SuppressWarnings("unchecked")
    List<Object[]> names(long letterId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return em().createNativeQuery("SELECT name, name_folded FROM signature WHERE letter_id = ?1 "
                        + "AND created_at >= ?2 AND created_at < ?3 AND name IS NOT NULL ORDER BY seq")
                .setParameter(1, letterId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setMaxResults(limit)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> result) {
        return ((List<Object[]>) result)
                .stream()
                        .map(r -> new Row(
                                ((Number) r[0]).longValue(),
                                ((Number) r[1]).longValue(),
                                SqlTimes.utc(r[2]),
                                (String) r[3],
                                (String) r[4],
                                (String) r[5]))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Count> counts(List<?> result) {
        return ((List<Object[]>) result)
                .stream()
                        .map(r -> new Count(
                                SqlTimes.utc(r[0]),
                                (String) r[1],
                                (String) r[2],
                                ((Number) r[3]).intValue(),
                                ((Number) r[4]).intValue()))
                        .toList();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
