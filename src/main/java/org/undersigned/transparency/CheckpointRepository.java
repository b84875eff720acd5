package org.undersigned.transparency;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.undersigned.web.SqlTimes;

/** log_checkpoint read as history: the last checkpoint of each hour or day, and every size (for a replay), one by size. */
@ApplicationScoped
class CheckpointRepository {

    /**
     * The last checkpoint signed in each bucket of [from, to), oldest first; {@code unit} is "hour" or "day". When
     * there are more than {@code limit} buckets, the newest are kept.
     */
    @SuppressWarnings("unchecked")
    List<TransparencyLog.Signed> lastPer(long letterId, String unit, Instant from, Instant to, int limit) {
        if (!unit.equals("hour") && !unit.equals("day")) {
            throw new IllegalArgumentException(unit);
        }
        // buckets in UTC whatever the session's time zone; the unit is one of two literals, never the caller's text
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT c.size, c.root, c.created_at FROM log_checkpoint c WHERE c.letter_id = ?1 "
                        + "AND c.size IN (SELECT MAX(size) FROM log_checkpoint WHERE letter_id = ?1 "
                        + "AND created_at >= ?2 AND created_at < ?3 "
                        + "GROUP BY DATE_TRUNC('" + unit + "', created_at AT TIME ZONE 'UTC')) ORDER BY c.size DESC")
                .setParameter(1, letterId)
                .setParameter(2, from.atOffset(ZoneOffset.UTC))
                .setParameter(3, to.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
        List<TransparencyLog.Signed> newestFirst = rows.stream()
                .map(r -> new TransparencyLog.Signed(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        SqlTimes.utc(r[2]).toInstant()))
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The checkpoint signed at {@code size}, as signed. */
    @SuppressWarnings("unchecked")
    Optional<TransparencyLog.SignedNote> at(long letterId, long size) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT root, note FROM log_checkpoint WHERE letter_id = ?1 AND size = ?2")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .getResultList();
        return rows.stream().findFirst().map(r -> new TransparencyLog.SignedNote(size, (String) r[0], (String) r[1]));
    }

    @SuppressWarnings("unchecked")
    List<Long> sizes(long letterId) {
        List<Object> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT size FROM log_checkpoint WHERE letter_id = ?1 ORDER BY size")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream().map(n -> ((Number) n).longValue()).toList();
    }
}
