package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.em;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Witness cosignatures (log_cosignature) and what they make of the checkpoints: which one is witnessed. */
@ApplicationScoped
class CosignatureRepository {

    /** Stores a checked cosignature line; a second copy (another replica got it too) is ignored. */
    void insert(long letterId, long size, String witness, String line) {
        em().createNativeQuery("INSERT INTO log_cosignature (letter_id, size, witness, line, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .setParameter(3, witness)
                .setParameter(4, line)
                .executeUpdate();
    }

    /** The cosignature lines of the checkpoint of {@code size}, in a stable order. */
    @SuppressWarnings("unchecked")
    List<String> lines(long letterId, long size) {
        return em().createNativeQuery(
                        "SELECT line FROM log_cosignature WHERE letter_id = ?1 AND size = ?2 ORDER BY witness")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .getResultList();
    }

    /** The largest checkpoint cosigned by at least {@code quorum} of {@code witnesses}. */
    Optional<StoredCheckpoint> witnessed(long letterId, List<String> witnesses, int quorum) {
        if (witnesses.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT c.size, c.root, c.note FROM log_checkpoint c "
                        + "WHERE c.letter_id = ?1 AND c.size = (SELECT MAX(s.size) FROM (SELECT size FROM "
                        + "log_cosignature WHERE letter_id = ?1 AND witness IN (?2) GROUP BY size "
                        + "HAVING COUNT(*) >= ?3) s)")
                .setParameter(1, letterId)
                .setParameter(2, witnesses)
                .setParameter(3, quorum)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new StoredCheckpoint(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }

    /** The checkpoint this log signed at {@code size}, if it signed one. */
    @SuppressWarnings("unchecked")
    Optional<StoredCheckpoint> checkpoint(long letterId, long size) {
        List<Object[]> rows = em().createNativeQuery(
                        "SELECT size, root, note FROM log_checkpoint WHERE letter_id = ?1 AND size = ?2")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new StoredCheckpoint(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }
}
