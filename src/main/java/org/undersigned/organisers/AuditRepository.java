package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** audit_event: append-only record of organiser and admin actions. */
@ApplicationScoped
class AuditRepository {

    void insert(Audit.Event e) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO audit_event (at, actor, action, letter, target, detail) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, e.at())
                .setParameter(2, e.actor())
                .setParameter(3, e.action())
                .setParameter(4, e.letter())
                .setParameter(5, e.target())
                .setParameter(6, e.detail())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<Audit.Event> before(long beforeId, int limit) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT id, at, actor, action, letter, "
                        + "target, detail FROM audit_event WHERE id < ?1 ORDER BY id DESC")
                .setParameter(1, beforeId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Audit.Event(
                        ((Number) r[0]).longValue(),
                        toOffset(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
