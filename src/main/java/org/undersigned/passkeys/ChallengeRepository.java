package org.undersigned.passkeys;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** passkey_challenge (V36): challenges by SHA-256, each taken once, before it expires. */
@ApplicationScoped
class ChallengeRepository {

    /** What a challenge was issued for: a ceremony, and for a new passkey the owner it will belong to. */
    record Issued(String ceremony, String ownerKind, String owner) {}

    void insert(byte[] challenge, Issued issued, Instant expires, Instant now) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("DELETE FROM passkey_challenge WHERE expires_at < ?1")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        em.createNativeQuery("INSERT INTO passkey_challenge (challenge_hash, ceremony, owner_kind, owner, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, hash(challenge))
                .setParameter(2, issued.ceremony())
                .setParameter(3, issued.ownerKind())
                .setParameter(4, issued.owner())
                .setParameter(5, expires.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /**
     * Takes the challenge: it is deleted whatever follows, and only the one caller whose delete removed the row gets
     * it, so a challenge serves one ceremony even when replicas race.
     */
    @SuppressWarnings("unchecked")
    Optional<Issued> take(byte[] challenge, Instant now) {
        var em = Panache.getEntityManager();
        String hash = hash(challenge);
        List<Object[]> rows = em.createNativeQuery("SELECT ceremony, owner_kind, owner FROM passkey_challenge "
                        + "WHERE challenge_hash = ?1 AND expires_at >= ?2")
                .setParameter(1, hash)
                .setParameter(2, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        int deleted = em.createNativeQuery("DELETE FROM passkey_challenge WHERE challenge_hash = ?1")
                .setParameter(1, hash)
                .executeUpdate();
        if (rows.isEmpty() || deleted != 1) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Issued((String) r[0], (String) r[1], (String) r[2]));
    }

    private static String hash(byte[] challenge) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(challenge));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
