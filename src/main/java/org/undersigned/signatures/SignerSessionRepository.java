package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** signer_session (V36): a signer signed in with a passkey, by the SHA-256 of their session cookie. */
@ApplicationScoped
class SignerSessionRepository {

    /** Stores a session, first deleting the expired ones (so the table holds only the last few minutes' sessions). */
    void insert(String tokenHash, long signatureSeq, Instant expires, Instant now) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("DELETE FROM signer_session WHERE expires_at < ?1")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        em.createNativeQuery("INSERT INTO signer_session (token_hash, signature_seq, expires_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, tokenHash)
                .setParameter(2, signatureSeq)
                .setParameter(3, expires.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The signature of a session that has not expired. */
    @SuppressWarnings("unchecked")
    Optional<Long> find(String tokenHash, Instant now) {
        List<Number> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT signature_seq FROM signer_session WHERE token_hash = ?1 AND expires_at >= ?2")
                .setParameter(1, tokenHash)
                .setParameter(2, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    void delete(String tokenHash) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM signer_session WHERE token_hash = ?1")
                .setParameter(1, tokenHash)
                .executeUpdate();
    }

    int deleteAll(long signatureSeq) {
        return Panache.getEntityManager()
                .createNativeQuery("DELETE FROM signer_session WHERE signature_seq = ?1")
                .setParameter(1, signatureSeq)
                .executeUpdate();
    }
}
