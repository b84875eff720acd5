package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** count_audit, count_audit_signer and count_audit_total, and the stored counts the replay is compared with. */
@ApplicationScoped
class CountAuditRepository {

    /** A signer as the log tells it so far. */
    record SignerState(boolean live, int version, String identity, String level) {}

    /** A letter whose counts are at a checkpoint of {@code size}, and how far the replay has gone. */
    record Due(long letterId, long size, long position) {}

    /**
     * Every letter with counts: the replay goes on from its position, and the comparison (a few rows) runs each time,
     * so a count changed behind the sequencer's back is found even when nothing was signed since.
     */
    @SuppressWarnings("unchecked")
    List<Due> due() {
        List<Object[]> rows = em().createNativeQuery("SELECT c.letter_id, c.n, COALESCE(a.position, 0) "
                        + "FROM letter_count c LEFT JOIN count_audit a ON a.letter_id = c.letter_id "
                        + "WHERE c.dimension = 'checkpoint' ORDER BY c.letter_id")
                .getResultList();
        return rows.stream()
                .map(r ->
                        new Due(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The replay's position, locked so one replica replays a letter at a time; created at 0. */
    long lockPosition(long letterId) {
        em().createNativeQuery("INSERT INTO count_audit (letter_id, position) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .executeUpdate();
        return ((Number) em().createNativeQuery("SELECT position FROM count_audit WHERE letter_id = ?1 FOR UPDATE")
                        .setParameter(1, letterId)
                        .getSingleResult())
                .longValue();
    }

    /** Moves the position; {@code compared} says whether the totals were compared at it. */
    void advance(long letterId, long position, boolean compared) {
        em().createNativeQuery("UPDATE count_audit SET position = ?2, audited_at = "
                        + (compared ? "CURRENT_TIMESTAMP" : "NULL") + " WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .setParameter(2, position)
                .executeUpdate();
    }

    /** Forgets the replay of a letter, so the next one starts from the first entry. */
    void reset(long letterId) {
        for (String table : List.of("count_audit_signer", "count_audit_total")) {
            em().createNativeQuery("DELETE FROM " + table + " WHERE letter_id = ?1")
                    .setParameter(1, letterId)
                    .executeUpdate();
        }
        em().createNativeQuery("UPDATE count_audit SET position = 0, audited_at = NULL WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Map<String, SignerState> signers(long letterId, Collection<String> signers) {
        Map<String, SignerState> states = new HashMap<>();
        if (signers.isEmpty()) {
            return states;
        }
        List<Object[]> rows = em().createNativeQuery("SELECT signer, live, version, identity, level "
                        + "FROM count_audit_signer WHERE letter_id = ?1 AND signer IN (?2)")
                .setParameter(1, letterId)
                .setParameter(2, new ArrayList<>(signers))
                .getResultList();
        rows.forEach(r -> states.put(
                (String) r[0],
                new SignerState((Boolean) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4])));
        return states;
    }

    void saveSigners(long letterId, Map<String, SignerState> states) {
        if (states.isEmpty()) {
            return;
        }
        em().createNativeQuery("DELETE FROM count_audit_signer WHERE letter_id = ?1 AND signer IN (?2)")
                .setParameter(1, letterId)
                .setParameter(2, new ArrayList<>(states.keySet()))
                .executeUpdate();
        states.forEach((signer, s) -> em().createNativeQuery("INSERT INTO count_audit_signer "
                        + "(letter_id, signer, live, version, identity, level) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, letterId)
                .setParameter(2, signer)
                .setParameter(3, s.live())
                .setParameter(4, s.version())
                .setParameter(5, s.identity())
                .setParameter(6, s.level())
                .executeUpdate());
    }

    void addTotals(long letterId, Map<String, Map<String, Long>> deltas) {
        deltas.forEach((dimension, keys) -> keys.forEach((key, delta) -> {
            em().createNativeQuery("INSERT INTO count_audit_total (letter_id, dimension, k, n) VALUES (?1, ?2, ?3, 0) "
                            + "ON CONFLICT DO NOTHING")
                    .setParameter(1, letterId)
                    .setParameter(2, dimension)
                    .setParameter(3, key)
                    .executeUpdate();
            em().createNativeQuery("UPDATE count_audit_total SET n = n + ?4 "
                            + "WHERE letter_id = ?1 AND dimension = ?2 AND k = ?3")
                    .setParameter(1, letterId)
                    .setParameter(2, dimension)
                    .setParameter(3, key)
                    .setParameter(4, delta)
                    .executeUpdate();
        }));
    }

    /** The replay's totals by dimension and key, zeros left out. */
    Map<String, Map<String, Long>> replayed(long letterId) {
        return totals("count_audit_total", letterId);
    }

    /** The stored counts of the dimensions the log determines, zeros left out. */
    Map<String, Map<String, Long>> stored(long letterId) {
        return totals("letter_count", letterId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Long>> totals(String table, long letterId) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        CountAudit.DIMENSIONS.forEach(d -> totals.put(d, new TreeMap<>()));
        List<Object[]> rows = em().createNativeQuery("SELECT dimension, k, n FROM " + table
                        + " WHERE letter_id = ?1 AND dimension IN (?2) AND n <> 0")
                .setParameter(1, letterId)
                .setParameter(2, CountAudit.DIMENSIONS)
                .getResultList();
        rows.forEach(r -> totals.get((String) r[0]).put((String) r[1], ((Number) r[2]).longValue()));
        return totals;
    }

    /** The stored count of the checkpoint size the counts are at (0 before the first). */
    long countedSize(long letterId) {
        List<?> rows = em().createNativeQuery(
                        "SELECT n FROM letter_count WHERE letter_id = ?1 AND dimension = 'checkpoint'")
                .setParameter(1, letterId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
