package org.undersigned.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * A {@code Server-Timing: app;dur=<ms>} header (W3C Server Timing) on the public log's answers: the log's latency
 * targets are stated in server time, which a client (or a load generator sharing the machine) cannot see otherwise.
 */
@ApplicationScoped
public class ServerTiming {

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    if (rc.normalizedPath().startsWith("/log/")) {
                        long start = System.nanoTime();
                        rc.addHeadersEndHandler(ignored -> rc.response()
                                .headers()
                                .set(
                                        "Server-Timing",
                                        String.format(Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - start) / 1e6)));
                    }
                    rc.next();
                },
                200); // before the other filters, so that their work is counted too
    }
}
