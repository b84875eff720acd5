package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN until the start-up jobs have finished ({@link StartupJobs}): content loaded, one-off tasks done,
 * the sequencer running, and the warm-up, if any. Kubernetes routes no traffic before.
 */
@Readiness
@ApplicationScoped
public class StartupHealth implements HealthCheck {

    private final StartupJobs jobs;

    StartupHealth(StartupJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public HealthCheckResponse call() {
        StartupJobs.State state = jobs.state();
        var response = HealthCheckResponse.named("Start-up")
                .status(state == StartupJobs.State.DONE)
                .withData(
                        "state", state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (state == StartupJobs.State.DONE) {
            response.withData("millis", jobs.millis());
        }
        return response.build();
    }
}
