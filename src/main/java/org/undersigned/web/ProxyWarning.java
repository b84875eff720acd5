package org.undersigned.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Warns when no trusted proxy is configured yet one private address sends over 90% of the requests in five
 * minutes: the app then sits behind an ingress or gateway whose X-Forwarded-For it ignores, and all visitors share
 * one rate-limit bucket. Readiness stays UP and carries the warning; the log says it once per window, naming only
 * the proxy's private address. Off once proxies are configured, and in dev mode, where everything is localhost.
 * Health and metrics paths are not counted: probes and scrapers come from private addresses by design; nor is
 * anything before readiness, such as the warm-up's requests to itself.
 */
@Readiness
@ApplicationScoped
public class ProxyWarning implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ProxyWarning.class);

    private final boolean proxiesConfigured;
    private final Optional<PeerShares> shares;

    private final StartupJobs startup;

    ProxyWarning(ClientNetwork network, Clock clock, StartupJobs startup) {
        this.startup = startup;
        this.proxiesConfigured = network.trustsProxies();
        this.shares = proxiesConfigured || LaunchMode.current() == LaunchMode.DEVELOPMENT
                ? Optional.empty()
                : Optional.of(new PeerShares(clock, d -> LOG.warn(message(d))));
    }

    void register(@Observes Filters filters) {
        if (shares.isPresent()) {
            filters.register(
                    rc -> {
                        tally(rc);
                        rc.next();
                    },
                    190);
        }
    }

    /** Counts the request's peer address, if the warning is on and the request is a visitor's. */
    void tally(RoutingContext rc) {
        // the warm-up asks from loopback before readiness (StartupJobs): not a visitor
        if (shares.isPresent() && !rc.normalizedPath().startsWith("/q/") && startup.state() == StartupJobs.State.DONE) {
            shares.get().record(ClientNetwork.peer(rc.request()));
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Client networks")
                .up()
                .withData("trustedProxies", proxiesConfigured ? "configured" : "none");
        shares.flatMap(PeerShares::lastWindow).ifPresent(d -> response.withData("warning", message(d)));
        return response.build();
    }

    static String message(PeerShares.Dominance d) {
        return d.percent() + "% of the " + d.total() + " requests in the 5 minutes to " + d.windowEnd() + " came from "
                + d.address() + ", a private address, and undersigned.trusted-proxies is not set: every visitor"
                + " behind that proxy shares one rate-limit bucket. Set UNDERSIGNED_TRUSTED_PROXIES to the address"
                + " range of the ingress or gateway.";
    }
}
