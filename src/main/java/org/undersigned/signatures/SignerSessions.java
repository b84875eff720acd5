package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.undersigned.web.PublicUrl;

/**
 * A signer signed in with a passkey: a random 256-bit token in an HttpOnly, SameSite=Strict cookie, only its SHA-256
 * stored (signer_session), good for 15 minutes and for the one signature the passkey belongs to. Strict, because
 * nothing outside this site ever needs to arrive signed in; the pages that use it are reached from this site.
 */
@ApplicationScoped
class SignerSessions {

    static final String COOKIE = "signer";
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String PATH = "/signers";

    private final SignerSessionRepository sessions;
    private final Clock clock;
    private final boolean secure;

    SignerSessions(SignerSessionRepository sessions, Clock clock, PublicUrl publicUrl) {
        this.sessions = sessions;
        this.clock = clock;
        this.secure = publicUrl.secure();
    }

    /** Opens a session for the signature; answers the cookie's value. */
    @Transactional(Transactional.TxType.MANDATORY)
    String open(long signatureSeq) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        sessions.insert(Tokens.hash(token), signatureSeq, now.plus(LIFETIME), now);
        return token;
    }

    /** The signature a cookie's session may act on, while it lasts. */
    @Transactional
    Optional<Long> signature(String cookie) {
        if (cookie == null || !cookie.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return sessions.find(Tokens.hash(cookie), clock.instant());
    }

    @Transactional
    void close(String cookie) {
        if (cookie != null && cookie.matches("[A-Za-z0-9_-]{43}")) {
            sessions.delete(Tokens.hash(cookie));
        }
    }

    /** Ends every session of a signature (it is being erased). */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAll(long signatureSeq) {
        sessions.deleteAll(signatureSeq);
    }

    NewCookie cookie(String token) {
        return base(token).maxAge((int) LIFETIME.toSeconds()).build();
    }

    /** The cookie that removes the session's from the browser. */
    NewCookie removal() {
        return base("").maxAge(0).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
