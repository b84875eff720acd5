package org.undersigned.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * A lane ahead of every filter, for the few answers read most often (a letter's count and page) when they can be
 * sent from memory: the filters (this service's and the framework's: start-up gate, unreadable requests, proxy
 * tally, security headers, CSRF cookie, authentication, path templates) cost more than such an answer itself
 * (docs/ARCHITECTURE.md, "Reads"). A route here answers a request only when the filters would have let it through
 * unchanged, and gives it what they would have added; any other request, and any it cannot answer from memory,
 * goes on down the usual chain, filters first.
 */
@ApplicationScoped
public class EarlyLane {

    /** Before the filters, which Quarkus orders by minus their priority (the highest is 1000 here). */
    private static final int ORDER = -100_000;

    private final StartingGate gate;
    private final ProxyWarning proxies;
    private final boolean https;

    EarlyLane(StartingGate gate, @Readiness ProxyWarning proxies, PublicUrl publicUrl) {
        this.gate = gate;
        this.proxies = proxies;
        this.https = publicUrl.secure();
    }

    /** A GET route for {@code path} ahead of the filters: its handler must {@link #admits admit} a request first. */
    public Route get(Router router, String path) {
        return router.get(path).order(ORDER);
    }

    /**
     * A POST route for {@code path} ahead of the filters: its handlers take a request only when it {@link #mayAnswer}
     * and call {@link #answering} before they answer it themselves.
     */
    public Route post(Router router, String path) {
        return router.post(path).order(ORDER);
    }

    /**
     * Whether this request may be answered here: the start-up gate is open and it is readable. If so, it is counted
     * as the proxy check counts every visitor's request; if not, the caller passes it on ({@code rc.next()}).
     */
    public boolean admits(RoutingContext rc) {
        if (!mayAnswer(rc)) {
            return false;
        }
        proxies.tally(rc);
        return true;
    }

    /** Whether the filters would let this request through unchanged: the start-up gate is open and it is readable. */
    public boolean mayAnswer(RoutingContext rc) {
        return gate.isOpen() && UnreadableRequests.refusal(rc).isEmpty();
    }

    /**
     * For a request this lane answers after all (one it {@link #mayAnswer}): counts it as the proxy check counts every
     * visitor's request, and adds the security headers.
     */
    public void answering(RoutingContext rc) {
        proxies.tally(rc);
        secure(rc);
    }

    /** Adds the security headers to an answer about to be sent from here. */
    public void secure(RoutingContext rc) {
        SecurityHeaders.apply(rc.response().headers(), rc.normalizedPath(), https);
    }
}
