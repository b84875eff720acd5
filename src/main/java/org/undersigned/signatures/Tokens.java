package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.undersigned.web.SecretTokens;

/** Mailed-link tokens: 256 random bits, handed out once, kept only as a SHA-256 hash. */
@ApplicationScoped
class Tokens {

    enum State {
        VALID,
        EXPIRED,
        USED,
        UNKNOWN
    }

    record Found(State state, SignatureToken token) {}

    private final TokenRepository repository;
    private final Clock clock;

    Tokens(TokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Stores the hash of a new token and returns the token itself, which exists only in the mail. */
    String issue(Signature signature, SignatureToken.Purpose purpose, Integer version, Duration lifetime) {
        return issue(signature, purpose, version, lifetime, null);
    }

    /** As above, for a link that carries an ORCID iD (attaching it to the signature). */
    String issue(
            Signature signature, SignatureToken.Purpose purpose, Integer version, Duration lifetime, String orcid) {
        String token = newToken();
        SignatureToken t = new SignatureToken();
        t.hash = hash(token);
        t.signatureSeq = signature.seq;
        t.purpose = purpose;
        t.versionNumber = version;
        t.orcid = orcid;
        t.createdAt = now();
        t.expiresAt = lifetime == null ? null : t.createdAt.plus(lifetime);
        repository.persist(t);
        return token;
    }

    /** A fresh token: 256 random bits, URL-safe base64 without padding (43 characters). */
    static String newToken() {
        return SecretTokens.newToken();
    }

    Found find(String token, SignatureToken.Purpose purpose) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return new Found(State.UNKNOWN, null);
        }
        Optional<SignatureToken> t = repository.findByIdOptional(hash(token)).filter(x -> x.purpose == purpose);
        if (t.isEmpty()) {
            return new Found(State.UNKNOWN, null);
        }
        if (t.get().usedAt != null) {
            return new Found(State.USED, t.get());
        }
        if (t.get().expiresAt != null && t.get().expiresAt.isBefore(now())) {
            return new Found(State.EXPIRED, t.get());
        }
        return new Found(State.VALID, t.get());
    }

    /** Marks the token used; false when another request used it first. */
    boolean claim(SignatureToken token) {
        return repository.update("usedAt = ?1 where hash = ?2 and usedAt is null", now(), token.hash) == 1;
    }

    /** The current time in UTC, from the application's clock. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String hash(String token) {
        return SecretTokens.hash(token);
    }
}
