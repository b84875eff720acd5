package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revoked organiser and admin tokens, kept in the database so that every replica refuses them at once. Times are the
 * system's, like the tokens' own {@code iat} and {@code exp} (which jose4j checks against the system clock too).
 */
@ApplicationScoped
class Revocations {

    /** The longest a token may live (AdminApi's limit for minted tokens, or the sign-in lifetime if longer). */
    private final Duration longest;

    private final RevocationRepository repository;

    Revocations(RevocationRepository repository, OrganiserTokens tokens) {
        this.repository = repository;
        this.longest = tokens.lifetime().compareTo(TokenMinting.LONGEST) > 0 ? tokens.lifetime() : TokenMinting.LONGEST;
    }

    /** This token stops working (signing out). */
    @Transactional(Transactional.TxType.MANDATORY)
    void revoke(JsonWebToken token, String by) {
        Instant now = Instant.now();
        repository.deleteExpired(now);
        repository.insert(
                token.getTokenID(),
                token.getSubject(),
                null,
                now,
                by,
                Instant.ofEpochSecond(token.getExpirationTime()));
    }

    /** The token {@code tokenId} stops working (an admin's revocation of one token, whose expiry is not known). */
    @Transactional(Transactional.TxType.MANDATORY)
    void revoke(String subject, String tokenId, String by) {
        Instant now = Instant.now();
        repository.deleteExpired(now);
        repository.insert(tokenId, subject, null, now, by, now.plus(longest));
    }

    /**
     * Every token of {@code subject} issued so far stops working; later sign-ins work again. Token times have whole
     * seconds, so a token issued in this very second is refused too. Returns the moment up to which tokens are refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Instant revokeAll(String subject, String by) {
        Instant now = Instant.now();
        repository.deleteExpired(now);
        Instant until = now.truncatedTo(ChronoUnit.SECONDS);
        repository.insert(null, subject, until, now, by, now.plus(longest));
        return until;
    }

    /** Asked on every request that carries a token; tokens minted before ids existed are revoked by subject only. */
    @Transactional
    boolean revoked(JsonWebToken token) {
        Object iat = token.getClaim("iat");
        Instant issued = Instant.ofEpochSecond(iat instanceof Number n ? n.longValue() : 0);
        return repository.revoked(token.getTokenID(), token.getSubject(), issued);
    }
}
