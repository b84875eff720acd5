package org.undersigned.organisers;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
    private final String issuer;
    private final Duration lifetime;

    OrganiserTokens(
            OrganiserKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer, OrganisersConfig config) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = config.tokenLifetime();
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** {@code subject}: an ORCID iD after sign-in, or a name chosen for automation ("bot:deploy"). */
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
        return new Minted(token, expires, id);
    }
}
