package org.undersigned.organisers;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a revoked organiser token like an expired one (401), wherever it is used: the check runs when the token
 * authenticates a request, before any organiser page or API method. ORCID sign-in identities (another issuer) pass.
 */
@ApplicationScoped
class RevokedTokenCheck implements SecurityIdentityAugmentor {

    private final Revocations revocations;
    private final String issuer;

    RevokedTokenCheck(Revocations revocations, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.revocations = revocations;
        this.issuer = issuer;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || !issuer.equals(token.getIssuer())) {
            return Uni.createFrom().item(identity);
        }
        // a database read: off the event loop
        return context.runBlocking(() -> {
            if (revocations.revoked(token)) {
                throw new AuthenticationFailedException("This organiser token was revoked. Sign in again.");
            }
            return identity;
        });
    }
}
