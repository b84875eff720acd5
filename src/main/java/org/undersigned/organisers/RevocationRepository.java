package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** organiser_token_revocation: tokens that stop working before they expire. */
@ApplicationScoped
class RevocationRepository {

    /** {@code tokenId} for one token, or {@code issuedUntil} for every token of the subject issued up to then. */
    void insert(String tokenId, String subject, Instant issuedUntil, Instant at, String by, Instant expiresAt) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO organiser_token_revocation "
                        + "(token_id, subject, issued_until, revoked_at, revoked_by, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tokenId)
                .setParameter(2, subject)
                .setParameter(3, utc(issuedUntil))
                .setParameter(4, utc(at))
                .setParameter(5, by)
                .setParameter(6, utc(expiresAt))
                .executeUpdate();
    }

    /**
     * Whether the token {@code tokenId} was revoked, or every token of {@code subject} issued at {@code issuedAt}.
     * Tokens minted before ids existed have none ({@code null}): only their subject can be revoked.
     */
    boolean revoked(String tokenId, String subject, Instant issuedAt) {
        String bySubject = "SELECT 1 FROM organiser_token_revocation WHERE (subject = ?1 AND issued_until >= ?2)";
        var query = Panache.getEntityManager()
                .createNativeQuery(tokenId == null ? bySubject : bySubject + " OR token_id = ?3")
                .setParameter(1, subject)
                .setParameter(2, utc(issuedAt));
        if (tokenId != null) {
            query.setParameter(3, tokenId);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    /** Revocations whose tokens have all expired name nothing that still works. */
    void deleteExpired(Instant now) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM organiser_token_revocation WHERE expires_at < ?1")
                .setParameter(1, utc(now))
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
