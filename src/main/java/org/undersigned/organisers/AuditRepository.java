package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.undersigned.web.SqlTimes;

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

    List<Audit.Event> before(long beforeId, int limit) {
        return find(new Audit.Filter(null, null, null, null, null), beforeId, limit);
    }

    @SuppressWarnings("unchecked")
    List<Audit.Event> find(Audit.Filter f, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, at, actor, action, letter, target, detail FROM audit_event WHERE id < ?1");
        List<Object> params = new ArrayList<>(List.of(beforeId));
        condition(sql, params, "actor = ?", f.actor());
        condition(sql, params, "action = ?", f.action());
        condition(sql, params, "letter = ?", f.letter());
        condition(sql, params, "at >= ?", f.from());
        condition(sql, params, "at < ?", f.to());
        Query query = Panache.getEntityManager().createNativeQuery(sql + " ORDER BY id DESC");
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        return rows.stream()
                .map(r -> new Audit.Event(
                        ((Number) r[0]).longValue(),
                        SqlTimes.utc(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    /** Adds {@code AND <clause>} with the next positional parameter when the value is given. */
    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" AND ").append(clause).append(params.size());
        }
    }
}
