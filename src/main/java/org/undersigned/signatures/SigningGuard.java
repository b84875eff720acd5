package org.undersigned.signatures;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.MailboxProviders;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.RateLimiter;

/**
 * The entrance to signing for both the form and the API: abuse limits per client network and per email address,
 * and one retry when two sign-ups of the same address race for the same row. An IPv6 client counts against its
 * /64 and, with a larger allowance, its /48.
 */
@ApplicationScoped
class SigningGuard {

    private final SignableLetters letters;
    private final SignUps signUps;
    private final RateLimiter limiter;
    private final ClientNetwork network;
    private final MailedLinks mailedLinks;
    private final NetworkLimit perNetwork;
    private final RateLimiter.Limit perEmail;
    private final RateLimiter.Limit perDomain;
    private final NetworkLimit linkRequests;
    private final NetworkLimit junkLinks;
    private final NetworkLimit passkeyRequests;

    /** A limit per client network, and the same limit times the site factor per IPv6 /48. */
    private record NetworkLimit(RateLimiter.Limit network, RateLimiter.Limit site) {
        static NetworkLimit of(String name, long capacity, SigningLimits limits) {
            return new NetworkLimit(
                    new RateLimiter.Limit(name, capacity, limits.period()),
                    new RateLimiter.Limit(name + "-site", capacity * limits.ipv6SiteFactor(), limits.period()));
        }
    }

    SigningGuard(
            SignableLetters letters,
            SignUps signUps,
            RateLimiter limiter,
            ClientNetwork network,
            MailedLinks mailedLinks,
            SigningLimits limits) {
        this.letters = letters;
        this.signUps = signUps;
        this.limiter = limiter;
        this.network = network;
        this.mailedLinks = mailedLinks;
        this.perNetwork = NetworkLimit.of("sign-network", limits.networkSigns(), limits);
        this.perEmail = new RateLimiter.Limit("sign-email", limits.emailSigns(), limits.period());
        this.perDomain = new RateLimiter.Limit("sign-domain", limits.domainSigns(), limits.period());
        this.linkRequests = NetworkLimit.of("links-network", limits.networkSigns() * 2, limits);
        this.junkLinks = NetworkLimit.of("junk-links-network", limits.junkLinks(), limits);
        this.passkeyRequests = NetworkLimit.of("passkey-network", limits.networkSigns() * 2, limits);
    }

    Receipt sign(String slug, SignRequest request, HttpServerRequest http) {
        SigningTarget letter = letters.openLetter(slug);
        ClientNetwork.Networks client = network.networks(http);
        limitSignUp(request, client);
        try {
            return signUps.sign(letter, request, client.network());
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return signUps.sign(letter, request, client.network());
        }
    }

    /**
     * The sign-up of the early lane ({@link SignRoute}), for a request already found valid for an open letter: the
     * limits of {@link #sign} (a database statement when {@link #limitsBlock}), then the batched writer, without
     * waiting for it. Completes with the receipt, or with null when {@link #signAgain} must take it on.
     */
    CompletableFuture<Receipt> signFirst(
            SigningTarget letter, SignRequest request, ClientNetwork.Networks client, String language) {
        limitSignUp(request, client);
        return signUps.first(letter, request, client.network(), language);
    }

    /** The general path for what {@link #signFirst} handed back, with {@link #sign}'s one retry of a race. Blocks. */
    Receipt signAgain(SigningTarget letter, SignRequest request, String network, String language) {
        try {
            return signUps.signAgain(letter, request, network, language);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return signUps.signAgain(letter, request, network, language);
        }
    }

    /** Whether taking the sign-up limits asks the database (not to be done on an I/O thread). */
    boolean limitsBlock() {
        return limiter.blocks();
    }

    /** Takes the limits of a sign-up from {@code client}: 429 when one is spent. */
    void limitSignUp(SignRequest request, ClientNetwork.Networks client) {
        List<RateLimiter.Key> keys = new ArrayList<>(keys(perNetwork, client));
        EmailAddress.parse(request.email()).ifPresent(e -> {
            keys.add(new RateLimiter.Key(perEmail, e.mailbox()));
            if (!MailboxProviders.shared(e.mailboxDomain())) {
                keys.add(new RateLimiter.Key(perDomain, e.mailboxDomain()));
            }
        });
        limiter.consume(keys);
    }

    /** Limits asking for a link to be mailed (disowning by email), per network. */
    void limitLinkRequests(HttpServerRequest http) {
        consume(linkRequests, network.networks(http));
    }

    /** Limits asking to sign in with a passkey, per network: each ask stores a challenge for a few minutes. */
    void limitPasskeyRequests(HttpServerRequest http) {
        consume(passkeyRequests, network.networks(http));
    }

    /**
     * Following a mailed link: a token this service issued (valid, used or expired) passes without spending
     * anything, so one shared address cannot lock its people out of confirming; any other token spends the
     * network's small junk budget.
     */
    void limitLink(HttpServerRequest http, String token, SignatureToken.Purpose purpose) {
        limitJunk(http, mailedLinks.issued(token, purpose));
    }

    /** As {@link #limitLink}, for a link whose genuineness its caller has checked (an unsubscribe code). */
    void limitJunk(HttpServerRequest http, boolean genuine) {
        if (!genuine) {
            consume(junkLinks, network.networks(http));
        }
    }

    /** Limits asking for a fresh link for one mailbox (the per-email sign-up limit). */
    void limitEmail(String email) {
        limiter.consume(
                perEmail,
                EmailAddress.parse(email)
                        .map(EmailAddress::mailbox)
                        .orElse(email.strip().toLowerCase(Locale.ROOT)));
    }

    private void consume(NetworkLimit limit, ClientNetwork.Networks from) {
        limiter.consume(keys(limit, from));
    }

    private static List<RateLimiter.Key> keys(NetworkLimit limit, ClientNetwork.Networks from) {
        RateLimiter.Key network = new RateLimiter.Key(limit.network(), from.network());
        return from.site()
                .map(site -> List.of(network, new RateLimiter.Key(limit.site(), site)))
                .orElse(List.of(network));
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
