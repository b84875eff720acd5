package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.SqlTimes;

/** letter_milestone (V39): milestones reached, once each, with the press mailing's progress. */
@ApplicationScoped
class MilestoneRepository {

    /** A milestone reached at a checkpoint, and how far its press mailing has come. */
    record Row(long letterId, long threshold, Instant reachedAt, long size, String rootHash, long pressNextSeq) {}

    private static final String COLUMNS = "letter_id, threshold, reached_at, size, root_hash, press_next_seq";

    /** Records the milestone; false when it was recorded before (by this or another replica). */
    boolean record(long letterId, long threshold, Instant at, long size, String rootHash) {
        return Panache.getEntityManager()
                        .createNativeQuery("INSERT INTO letter_milestone (letter_id, threshold, reached_at, size, "
                                + "root_hash) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                        .setParameter(1, letterId)
                        .setParameter(2, threshold)
                        .setParameter(3, at.atOffset(ZoneOffset.UTC))
                        .setParameter(4, size)
                        .setParameter(5, rootHash)
                        .executeUpdate()
                == 1;
    }

    long highest(long letterId) {
        Object max = Panache.getEntityManager()
                .createNativeQuery("SELECT MAX(threshold) FROM letter_milestone WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    @SuppressWarnings("unchecked")
    List<Row> of(long letterId) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT " + COLUMNS + " FROM letter_milestone WHERE letter_id = ?1 ORDER BY threshold")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream().map(MilestoneRepository::row).toList();
    }

    /** The oldest milestone whose press mailing is not done, locked so that replicas take turns. */
    @SuppressWarnings("unchecked")
    Optional<Row> lockNextPressMailing() {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM letter_milestone WHERE press_done = FALSE "
                        + "ORDER BY reached_at, letter_id, threshold LIMIT 1 FOR UPDATE")
                .getResultList();
        return rows.stream().findFirst().map(MilestoneRepository::row);
    }

    void advance(Row r, long nextSeq, boolean done) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE letter_milestone SET press_next_seq = ?1, press_done = ?2 "
                        + "WHERE letter_id = ?3 AND threshold = ?4")
                .setParameter(1, nextSeq)
                .setParameter(2, done)
                .setParameter(3, r.letterId())
                .setParameter(4, r.threshold())
                .executeUpdate();
    }

    private static Row row(Object[] r) {
        return new Row(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                SqlTimes.utc(r[2]).toInstant(),
                ((Number) r[3]).longValue(),
                (String) r[4],
                ((Number) r[5]).longValue());
    }
}
