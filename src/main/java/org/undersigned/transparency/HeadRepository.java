package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.em;
import static org.undersigned.transparency.LogDatabase.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Each log's head (log_head: its size, which only the single writer advances) and the checkpoints signed at each size
 * (log_checkpoint). The writer's locks and writes go through Panache, the default; the read of the latest checkpoint
 * is plain JDBC.
 */
@ApplicationScoped
class HeadRepository {

    /** PostgreSQL only: one sequencer per letter across replicas; false when another replica holds it. */
    boolean tryAdvisoryLock(long letterId) {
        Object got = em().createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, ?2)")
                .setParameter(1, 0x6c6f67) // "log"
                .setParameter(2, (int) letterId)
                .getSingleResult();
        return Boolean.TRUE.equals(got);
    }

    /** The current size, taking a row lock (portable); the row is created at size 0 the first time. */
    long lockHead(long letterId) {
        em().createNativeQuery("INSERT INTO log_head (letter_id, size) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .executeUpdate();
        return ((Number) em().createNativeQuery("SELECT size FROM log_head WHERE letter_id = ?1 FOR UPDATE")
                        .setParameter(1, letterId)
                        .getSingleResult())
                .longValue();
    }

    /** Compare-and-swap on the tree size: a log can only grow from the size its writer read. */
    boolean advanceHead(long letterId, long from, long to) {
        return em().createNativeQuery("UPDATE log_head SET size = ?3 WHERE letter_id = ?1 AND size = ?2")
                        .setParameter(1, letterId)
                        .setParameter(2, from)
                        .setParameter(3, to)
                        .executeUpdate()
                == 1;
    }

    void insertCheckpoint(long letterId, long size, String root, String note) {
        em().createNativeQuery("INSERT INTO log_checkpoint (letter_id, size, root, note, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, CURRENT_TIMESTAMP)")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .setParameter(3, root)
                .setParameter(4, note)
                .executeUpdate();
    }

    /**
     * The checkpoint at the current head, if the log has one; proofs and tiles read it through HeadCache. Plain
     * JDBC: the checkpoint endpoint, this one read, at p50 0.11 ms and 8,403 req/s on one connection at 10M entries
     * (bench/LOG.md).
     */
    Optional<StoredCheckpoint> latestCheckpoint(long letterId) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT c.size, c.root, c.note FROM log_head h "
                    + "JOIN log_checkpoint c ON c.letter_id = h.letter_id AND c.size = h.size WHERE h.letter_id = ?")) {
                s.setLong(1, letterId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new StoredCheckpoint(r.getLong(1), r.getString(2), r.getString(3)))
                            : Optional.<StoredCheckpoint>empty();
                }
            }
        });
    }
}
