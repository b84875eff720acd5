package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.em;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys each letter's log has been signed with (log_key), oldest first. */
@ApplicationScoped
class LogKeyRepository {

    /** One key of a log: the first has no statement; later ones came with the rotation at {@code entryIndex}. */
    record LogKey(int position, String verifier, String statement, Long entryIndex) {}

    @SuppressWarnings("unchecked")
    List<LogKey> keys(long letterId) {
        List<Object[]> rows = em().createNativeQuery("SELECT position, verifier, statement, entry_index FROM log_key "
                        + "WHERE letter_id = ?1 ORDER BY position")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream()
                .map(r -> new LogKey(
                        ((Number) r[0]).intValue(),
                        (String) r[1],
                        (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).longValue()))
                .toList();
    }

    void insert(long letterId, LogKey key) {
        em().createNativeQuery("INSERT INTO log_key (letter_id, position, verifier, statement, entry_index, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4, ?5, CURRENT_TIMESTAMP)")
                .setParameter(1, letterId)
                .setParameter(2, key.position())
                .setParameter(3, key.verifier())
                .setParameter(4, key.statement())
                .setParameter(5, key.entryIndex())
                .executeUpdate();
    }

    /** Every log's verifier keys, oldest first, by letter id. */
    @SuppressWarnings("unchecked")
    Map<Long, List<String>> verifiers() {
        Map<Long, List<String>> byLetter = new LinkedHashMap<>();
        List<Object[]> rows = em().createNativeQuery(
                        "SELECT letter_id, verifier FROM log_key ORDER BY letter_id, position")
                .getResultList();
        for (Object[] r : rows) {
            byLetter.computeIfAbsent(((Number) r[0]).longValue(), id -> new java.util.ArrayList<>())
                    .add((String) r[1]);
        }
        return byLetter;
    }

    /** Whether a rotation of this log's key is written and waits for the sequencer. */
    boolean rotationPending(long letterId) {
        return !em().createNativeQuery("SELECT 1 FROM log_pending WHERE letter_id = ?1 AND signature_seq IS NULL "
                        + "AND entry LIKE ?2")
                .setParameter(1, letterId)
                .setParameter(2, "%\"type\":\"" + LogEntries.KEY_ROTATION + "\"%")
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
