package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/** Native SQL on letter_count: an insert-if-absent then an increment, which PostgreSQL and H2 both support. */
@ApplicationScoped
class CountRepository {

    record Row(String dimension, String key, long n) {}

    void add(long letterId, String dimension, String key, long delta) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("INSERT INTO letter_count (letter_id, dimension, k, n) VALUES (?1, ?2, ?3, 0) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .setParameter(3, key)
                .executeUpdate();
        em.createNativeQuery("UPDATE letter_count SET n = n + ?4 WHERE letter_id = ?1 AND dimension = ?2 AND k = ?3")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .setParameter(3, key)
                .setParameter(4, delta)
                .executeUpdate();
    }

    /** Sets a whole dimension to {@code values} (the count audit's correction). */
    void replaceDimension(long letterId, String dimension, Map<String, Long> values) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("DELETE FROM letter_count WHERE letter_id = ?1 AND dimension = ?2")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .executeUpdate();
        values.forEach((key, n) -> em.createNativeQuery(
                        "INSERT INTO letter_count (letter_id, dimension, k, n) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .setParameter(3, key)
                .setParameter(4, n)
                .executeUpdate());
    }

    /** Keeps exactly one row of {@code dimension}. */
    void replace(long letterId, String dimension, String key, long n) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("DELETE FROM letter_count WHERE letter_id = ?1 AND dimension = ?2")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO letter_count (letter_id, dimension, k, n) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .setParameter(3, key)
                .setParameter(4, n)
                .executeUpdate();
    }

    /** One counter, 0 when it has no row yet. */
    long value(long letterId, String dimension, String key) {
        List<?> n = Panache.getEntityManager()
                .createNativeQuery("SELECT n FROM letter_count WHERE letter_id = ?1 AND dimension = ?2 AND k = ?3")
                .setParameter(1, letterId)
                .setParameter(2, dimension)
                .setParameter(3, key)
                .getResultList();
        return n.isEmpty() ? 0 : ((Number) n.get(0)).longValue();
    }

    /** Every counter of these letters, by letter, in one read (the home page needs each listed letter's count). */
    @SuppressWarnings("unchecked")
    Map<Long, List<Row>> all(java.util.Collection<Long> letterIds) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT letter_id, dimension, k, n FROM letter_count WHERE letter_id IN (?1)")
                .setParameter(1, letterIds)
                .getResultList();
        Map<Long, List<Row>> byLetter = new java.util.HashMap<>();
        for (Object[] r : rows) {
            byLetter.computeIfAbsent(((Number) r[0]).longValue(), id -> new java.util.ArrayList<>())
                    .add(new Row((String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return byLetter;
    }

    @SuppressWarnings("unchecked")
    List<Row> all(long letterId) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT dimension, k, n FROM letter_count WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream()
                .map(r -> new Row((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** Records the total as it stands now (after the batch's changes) as the total at the checkpoint of {@code size}. */
    long recordTotalAt(long letterId, long size) {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object> total = em.createNativeQuery(
                        "SELECT n FROM letter_count WHERE letter_id = ?1 AND dimension = 'total' AND k = ''")
                .setParameter(1, letterId)
                .getResultList();
        em.createNativeQuery("INSERT INTO letter_count_at (letter_id, size, total) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .setParameter(3, total.isEmpty() ? 0L : ((Number) total.get(0)).longValue())
                .executeUpdate();
        return total.isEmpty() ? 0L : ((Number) total.get(0)).longValue();
    }

    /** The totals recorded at those checkpoints (sizes without one are absent: signed before totals were kept). */
    @SuppressWarnings("unchecked")
    java.util.Map<Long, Long> totalsAt(long letterId, List<Long> sizes) {
        java.util.Map<Long, Long> totals = new java.util.HashMap<>();
        if (sizes.isEmpty()) {
            return totals;
        }
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT size, total FROM letter_count_at WHERE letter_id = ?1 AND size IN (?2)")
                .setParameter(1, letterId)
                .setParameter(2, sizes)
                .getResultList();
        rows.forEach(r -> totals.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return totals;
    }

    /** Every checkpoint size that has its total recorded. */
    @SuppressWarnings("unchecked")
    java.util.Set<Long> sizesWithTotals(long letterId) {
        List<Object> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT size FROM letter_count_at WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream().map(n -> ((Number) n).longValue()).collect(java.util.stream.Collectors.toSet());
    }

    /** A total found by replaying the log, for a checkpoint signed before totals were kept. */
    void backfillTotal(long letterId, long size, long total) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO letter_count_at (letter_id, size, total) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .setParameter(3, total)
                .executeUpdate();
    }

    /** The total recorded at the checkpoint of {@code size}; empty for checkpoints signed before totals were kept. */
    @SuppressWarnings("unchecked")
    java.util.Optional<Long> totalAt(long letterId, long size) {
        List<Object> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT total FROM letter_count_at WHERE letter_id = ?1 AND size = ?2")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .getResultList();
        return rows.stream().findFirst().map(n -> ((Number) n).longValue());
    }
}
