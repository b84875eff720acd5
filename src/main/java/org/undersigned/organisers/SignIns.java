package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.util.List;
import org.undersigned.web.PublicUrl;

/**
 * A sign-in however it was proven (ORCID, a passkey): an organiser token in the HttpOnly {@code organiser} cookie,
 * SameSite=Lax so that the redirect back from ORCID carries it, and an audit entry.
 */
@ApplicationScoped
public class SignIns {

    private final OrganiserTokens tokens;
    private final Audit audit;
    private final boolean secure;

    SignIns(OrganiserTokens tokens, Audit audit, PublicUrl publicUrl) {
        this.tokens = tokens;
        this.audit = audit;
        this.secure = publicUrl.secure();
    }

    /**
     * {@code how}: "passkey", "demo" (dev mode's demo organiser), or null for ORCID (the audit's wording from before
     * passkeys). The caller has proven who signs in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public NewCookie signIn(String subject, boolean admin, List<String> letters, String how) {
        OrganiserTokens.Minted minted =
                tokens.mint(subject, admin ? OrganiserTokens.ADMIN : OrganiserTokens.ORGANISER, letters, null);
        audit.record(
                subject,
                "sign-in",
                null,
                minted.tokenId(),
                (admin ? "admin" : "organiser") + " of " + letters + (how == null ? "" : " by " + how));
        return cookie(minted.token(), (int) tokens.lifetime().toSeconds());
    }

    /** A cookie that removes the sign-in cookie. */
    NewCookie gone() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(OrganiserPages.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
