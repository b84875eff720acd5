package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.undersigned.web.SqlTimes;

/** organiser_token (V34): the tokens minted, by id; never the tokens themselves. */
@ApplicationScoped
class TokenRepository {

    /** A minted token as listed. */
    record Row(
            String tokenId, String subject, String role, List<String> letters, Instant mintedAt, Instant expiresAt) {}

    void insert(Row r) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "INSERT INTO organiser_token (token_id, subject, role, letters, minted_at, expires_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, r.tokenId())
                .setParameter(2, r.subject())
                .setParameter(3, r.role())
                .setParameter(4, String.join(",", r.letters()))
                .setParameter(5, r.mintedAt().atOffset(ZoneOffset.UTC))
                .setParameter(6, r.expiresAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Tokens not yet expired, newest first. */
    @SuppressWarnings("unchecked")
    List<Row> unexpired(Instant now, int limit) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT token_id, subject, role, letters, minted_at, expires_at FROM organiser_token "
                                + "WHERE expires_at > ?1 ORDER BY minted_at DESC, token_id")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Row(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((String) r[3]).isEmpty() ? List.of() : Arrays.asList(((String) r[3]).split(",")),
                        SqlTimes.utc(r[4]).toInstant(),
                        SqlTimes.utc(r[5]).toInstant()))
                .toList();
    }

    /** The subject of a minted token, if it was recorded. */
    String subjectOf(String tokenId) {
        List<?> r = Panache.getEntityManager()
                .createNativeQuery("SELECT subject FROM organiser_token WHERE token_id = ?1")
                .setParameter(1, tokenId)
                .getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    void deleteExpired(Instant now) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM organiser_token WHERE expires_at <= ?1")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
