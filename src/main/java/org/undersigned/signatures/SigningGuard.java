package org.undersigned.signatures;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Locale;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.MailboxProviders;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.RateLimiter;

/**
 * The entrance to signing for both the form and the API: abuse limits per client network and per email address,
 * and one retry when two sign-ups of the same address race for the same row.
 */
@ApplicationScoped
class SigningGuard {

    private final SignableLetters letters;
    private final SignUps signUps;
    private final RateLimiter limiter;
    private final ClientNetwork network;
    private final RateLimiter.Limit perNetwork;
    private final RateLimiter.Limit perEmail;
    private final RateLimiter.Limit perDomain;
    private final RateLimiter.Limit links;

    SigningGuard(
            SignableLetters letters,
            SignUps signUps,
            RateLimiter limiter,
            ClientNetwork network,
            SigningLimits limits) {
        this.letters = letters;
        this.signUps = signUps;
        this.limiter = limiter;
        this.network = network;
        this.perNetwork = new RateLimiter.Limit("sign-network", limits.networkSigns(), limits.period());
        this.perEmail = new RateLimiter.Limit("sign-email", limits.emailSigns(), limits.period());
        this.perDomain = new RateLimiter.Limit("sign-domain", limits.domainSigns(), limits.period());
        this.links = new RateLimiter.Limit("links-network", limits.networkSigns() * 2, limits.period());
    }

    Receipt sign(String slug, SignRequest request, HttpServerRequest http) {
        SigningTarget letter = letters.openLetter(slug);
        String from = network.of(http);
        limiter.consume(perNetwork, from);
        EmailAddress.parse(request.email()).ifPresent(e -> {
            limiter.consume(perEmail, e.mailbox());
            if (!MailboxProviders.shared(e.mailboxDomain())) {
                limiter.consume(perDomain, e.mailboxDomain());
            }
        });
        try {
            return signUps.sign(letter, request, from);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return signUps.sign(letter, request, from);
        }
    }

    /** Limits on following mailed links and asking for new ones, per network. */
    void limitLinks(HttpServerRequest http) {
        limiter.consume(links, network.of(http));
    }

    /** Limits asking for a fresh link for one mailbox (the per-email sign-up limit). */
    void limitEmail(String email) {
        limiter.consume(
                perEmail,
                EmailAddress.parse(email)
                        .map(EmailAddress::mailbox)
                        .orElse(email.strip().toLowerCase(Locale.ROOT)));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
