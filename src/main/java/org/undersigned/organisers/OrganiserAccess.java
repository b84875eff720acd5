package org.undersigned.organisers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Collection;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is acting, and on which letters: admins on all, organisers on those their token names. */
@RequestScoped
class OrganiserAccess {

    private final JsonWebToken jwt;

    OrganiserAccess(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    String actor() {
        if (jwt == null || jwt.getSubject() == null) {
            throw new NotAuthorizedException("Sign in as an organiser.", "Bearer");
        }
        return jwt.getSubject();
    }

    boolean admin() {
        return jwt != null && jwt.getGroups() != null && jwt.getGroups().contains(OrganiserTokens.ADMIN);
    }

    /** The acting organiser's id, or 403 when the token does not cover {@code slug}. */
    String forLetter(String slug) {
        String actor = actor();
        if (admin()) {
            return actor;
        }
        Object letters = jwt.getClaim("letters");
        boolean covers = jwt.getGroups().contains(OrganiserTokens.ORGANISER) && letters instanceof Collection<?> c
                && c.stream().anyMatch(l -> slug.equals(String.valueOf(l).replace("\"", "")));
        if (!covers) {
            throw new ForbiddenException("You are not an organiser of '" + slug + "'.");
        }
        return actor;
    }
}
