package org.undersigned.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * While the start-up jobs run in the background, the public port answers 503 with {@code Retry-After}: before, it
 * did not listen at all until the content was loaded, and a client that does not wait for readiness (a script, a
 * test) must not see letters missing. It opens once they are done, for the warm-up too. Health and metrics
 * ({@code /q/}) answer as usual.
 */
@ApplicationScoped
class StartingGate {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"The service is starting: try again in a moment.\"}";

    private final StartupJobs jobs;
    private volatile boolean open;

    StartingGate(StartupJobs jobs) {
        this.jobs = jobs;
    }

    void register(@Observes Filters filters) {
        // after UnreadableRequests (1000), before everything else
        filters.register(
                rc -> {
                    if (isOpen() || rc.normalizedPath().startsWith("/q/")) {
                        rc.next();
                    } else {
                        rc.response()
                                .setStatusCode(503)
                                .putHeader(HttpHeaders.RETRY_AFTER, "1")
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .end(BODY);
                    }
                },
                900);
    }

    /** Whether the public port answers: the start-up jobs are done (the warm-up may still run). */
    boolean isOpen() {
        if (!open && (jobs.state() == StartupJobs.State.DONE || jobs.state() == StartupJobs.State.WARMING_UP)) {
            open = true; // the jobs never run again: no need to ask once they are done
        }
        return open;
    }
}
