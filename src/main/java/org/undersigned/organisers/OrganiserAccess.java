package org.undersigned.organisers;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.undersigned.letters.LetterService;
import org.undersigned.verification.OrcidEmployments;

/**
 * Who is acting, and on which letters: admins on all, organisers on those their token names and whose letter.yaml
 * still lists them. Read from the security identity (an injected JsonWebToken would be the OIDC extension's, which
 * knows nothing of these tokens). Revoked tokens never get here (RevokedTokenCheck).
 */
@RequestScoped
class OrganiserAccess {

    private final SecurityIdentity identity;
    private final LetterService content;

    OrganiserAccess(SecurityIdentity identity, LetterService content) {
        this.identity = identity;
        this.content = content;
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new NotAuthorizedException("Sign in as an organiser.", "Bearer");
        }
        return jwt;
    }

    /** The organiser token of this request, if it carries one that works (signing out needs no valid token). */
    Optional<JsonWebToken> signedIn() {
        try {
            return identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                    ? Optional.empty()
                    : Optional.of(jwt);
        } catch (RuntimeException expiredOrRevoked) {
            return Optional.empty();
        }
    }

    String actor() {
        return token().getSubject();
    }

    boolean admin() {
        return identity.hasRole(OrganiserTokens.ADMIN);
    }

    /** The letters the token names that the organiser still organises. */
    List<String> letters() {
        return claimed().stream().filter(this::stillOrganises).toList();
    }

    private List<String> claimed() {
        Object letters = token().getClaim("letters");
        return letters instanceof Collection<?> c
                ? c.stream().map(l -> String.valueOf(l).replace("\"", "")).toList()
                : List.of();
    }

    /**
     * A token lives for hours while letter.yaml may drop an organiser at any time, so the claim is checked against
     * the content on each request. A subject that is no ORCID iD (automation) has the letters an admin minted for it.
     */
    private boolean stillOrganises(String slug) {
        String subject = actor();
        return !OrcidEmployments.ORCID_ID.matcher(subject).matches() || content.organises(slug, subject);
    }

    /** The acting organiser's id, or 403 when the token does not cover {@code slug}, or no longer does. */
    String forLetter(String slug) {
        String actor = actor();
        if (admin()) {
            return actor;
        }
        if (!identity.hasRole(OrganiserTokens.ORGANISER) || !claimed().contains(slug)) {
            throw new ForbiddenException("You are not an organiser of '" + slug + "'.");
        }
        if (!stillOrganises(slug)) {
            throw new ForbiddenException("You are no longer an organiser of '" + slug + "': its letter.yaml does not "
                    + "list your ORCID iD any more.");
        }
        return actor;
    }
}
