package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.SqlTimes;

/** organiser_invitation (V36): one-time enrolment links, by the hash of their token. */
@ApplicationScoped
class InvitationRepository {

    /** An invitation; {@code bootstrap} marks the first admin's. */
    record Invitation(
            String tokenHash,
            String userHandle,
            String subject,
            String role,
            List<String> letters,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            boolean bootstrap) {}

    private static final String COLUMNS =
            "token_hash, user_handle, subject, role, letters, created_by, created_at, expires_at, bootstrap";

    void insert(Invitation i) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO organiser_invitation (" + COLUMNS + ") "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, i.tokenHash())
                .setParameter(2, i.userHandle())
                .setParameter(3, i.subject())
                .setParameter(4, i.role())
                .setParameter(5, String.join(",", i.letters()))
                .setParameter(6, i.createdBy())
                .setParameter(7, i.createdAt().atOffset(ZoneOffset.UTC))
                .setParameter(8, i.expiresAt().atOffset(ZoneOffset.UTC))
                .setParameter(9, i.bootstrap() ? "x" : null)
                .executeUpdate();
    }

    /** The invitation if it is unused and unexpired. */
    Optional<Invitation> open(String tokenHash, Instant now) {
        return select("WHERE used_at IS NULL AND expires_at > ?1 AND token_hash = ?2", now, tokenHash, 1).stream()
                .findFirst();
    }

    /** Open invitations, newest first (the bootstrap one is not listed: nobody but the operator knows its code). */
    List<Invitation> pending(Instant now, int limit) {
        return select(
                "WHERE used_at IS NULL AND expires_at > ?1 AND bootstrap IS NULL ORDER BY created_at DESC",
                now,
                null,
                limit);
    }

    /** Marks it used; false when another request used it first (or it expired meanwhile). */
    boolean use(String tokenHash, Instant now) {
        return Panache.getEntityManager()
                        .createNativeQuery("UPDATE organiser_invitation SET used_at = ?1 "
                                + "WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1")
                        .setParameter(1, now.atOffset(ZoneOffset.UTC))
                        .setParameter(2, tokenHash)
                        .executeUpdate()
                == 1;
    }

    boolean cancel(String tokenHash) {
        return Panache.getEntityManager()
                        .createNativeQuery("DELETE FROM organiser_invitation WHERE token_hash = ?1 AND used_at IS NULL")
                        .setParameter(1, tokenHash)
                        .executeUpdate()
                == 1;
    }

    /** Where the first admin's invitation stands. */
    enum Bootstrap {
        NONE,
        OPEN,
        USED
    }

    Bootstrap bootstrap() {
        List<?> usedAt = Panache.getEntityManager()
                .createNativeQuery("SELECT used_at FROM organiser_invitation WHERE bootstrap IS NOT NULL")
                .getResultList();
        return usedAt.isEmpty() ? Bootstrap.NONE : usedAt.get(0) == null ? Bootstrap.OPEN : Bootstrap.USED;
    }

    void deleteBootstrap() {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM organiser_invitation WHERE bootstrap IS NOT NULL")
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Invitation> select(String where, Instant now, String tokenHash, int limit) {
        var query = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM organiser_invitation " + where)
                .setParameter(1, now.atOffset(ZoneOffset.UTC));
        if (tokenHash != null) {
            query.setParameter(2, tokenHash);
        }
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        return rows.stream()
                .map(r -> new Invitation(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        AccountRepository.slugs((String) r[4]),
                        (String) r[5],
                        SqlTimes.utc(r[6]).toInstant(),
                        SqlTimes.utc(r[7]).toInstant(),
                        r[8] != null))
                .toList();
    }
}
