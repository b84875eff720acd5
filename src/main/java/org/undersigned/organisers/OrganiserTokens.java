package org.undersigned.organisers;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints organiser and admin tokens: short-lived JWTs signed with Ed25519, whose {@code groups} give the role and
 * whose {@code letters} claim names the letters an organiser may act on (docs/ARCHITECTURE.md#organisers).
 */
@ApplicationScoped
public class OrganiserTokens {

    public static final String ORGANISER = "organiser";
    public static final String ADMIN = "admin";

    /** A minted token and when it stops working. */
    public record Minted(String token, Instant expiresAt) {}

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
        Instant expires = Instant.now().plus(ttl == null ? lifetime : ttl);
        String token = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("letters", letters == null ? List.of() : letters)
                .expiresAt(expires)
                .jws()
                .algorithm(SignatureAlgorithm.EDDSA)
                .sign(keys.privateKey());
        return new Minted(token, expires);
    }
}
