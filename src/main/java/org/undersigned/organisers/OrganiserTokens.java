package org.undersigned.organisers;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Mints organiser and admin tokens: short-lived JWTs signed with Ed25519, whose {@code groups} give the role, whose
 * {@code letters} claim names the letters an organiser may act on (docs/ARCHITECTURE.md#organisers), and whose
 * {@code jti} identifies the token, so that it can be revoked (Revocations).
 */
@ApplicationScoped
public class OrganiserTokens {

    public static final String ORGANISER = "organiser";
    public static final String ADMIN = "admin";

    /** A minted token, when it stops working, and its id (to revoke it by). */
    public record Minted(String token, Instant expiresAt, String tokenId) {}

    private final OrganiserKeys keys;
    private final TokenRepository registry;
    private final String issuer;
    private final Duration lifetime;

    OrganiserTokens(
            OrganiserKeys keys,
            TokenRepository registry,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            OrganisersConfig config) {
        this.keys = keys;
        this.registry = registry;
        this.issuer = issuer;
        this.lifetime = config.tokenLifetime();
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * {@code subject}: an ORCID iD after sign-in, or a name chosen for automation ("bot:deploy"). The token's id is
     * recorded (never the token), so that the console lists it.
     */
    @Transactional
    public Minted mint(String subject, String role, List<String> letters, Duration ttl) {
        Instant now = Instant.now();
        Instant expires = now.plus(ttl == null ? lifetime : ttl);
        String id = UUID.randomUUID().toString();
        String token = Jwt.issuer(issuer)
                .claim(Claims.jti.name(), id)
                .issuedAt(now)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("letters", letters == null ? List.of() : letters)
                .expiresAt(expires)
                .jws()
                .algorithm(SignatureAlgorithm.EDDSA)
                .sign(keys.privateKey());
        registry.deleteExpired(now);
        registry.insert(new TokenRepository.Row(
                id,
                subject,
                role,
                letters == null ? List.of() : letters,
                now.truncatedTo(ChronoUnit.SECONDS),
                expires));
        return new Minted(token, expires, id);
    }
}
