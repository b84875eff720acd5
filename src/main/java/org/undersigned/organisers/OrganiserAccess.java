package org.undersigned.organisers;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is acting, and on which letters: admins on all, organisers on those their token names. Read from the
 * security identity (an injected JsonWebToken would be the OIDC extension's, which knows nothing of these tokens).
 */
@RequestScoped
class OrganiserAccess {

    private final SecurityIdentity identity;

    OrganiserAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new NotAuthorizedException("Sign in as an organiser.", "Bearer");
        }
        return jwt;
    }

    String actor() {
        return token().getSubject();
    }

    boolean admin() {
        return identity.hasRole(OrganiserTokens.ADMIN);
    }

    /** The letters an organiser's token names. */
    List<String> letters() {
        Object letters = token().getClaim("letters");
        return letters instanceof Collection<?> c
                ? c.stream().map(l -> String.valueOf(l).replace("\"", "")).toList()
                : List.of();
    }

    /** The acting organiser's id, or 403 when the token does not cover {@code slug}. */
    String forLetter(String slug) {
        String actor = actor();
        if (admin()) {
            return actor;
        }
        if (!identity.hasRole(OrganiserTokens.ORGANISER) || !letters().contains(slug)) {
            throw new ForbiddenException("You are not an organiser of '" + slug + "'.");
        }
        return actor;
    }
}
