package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes the sequencer: a log that stopped integrating events is not a healthy service. */
@Readiness
@ApplicationScoped
public class SequencerHealth implements HealthCheck {

    private final Sequencer sequencer;
    private final double maxLagSeconds;

    SequencerHealth(Sequencer sequencer, LogConfig config) {
        this.sequencer = sequencer;
        this.maxLagSeconds = config.maxLag();
    }

    @Override
    public HealthCheckResponse call() {
        double lag = sequencer.lagSeconds();
        return HealthCheckResponse.named("Transparency log sequencer")
                .status(lag <= maxLagSeconds)
                .withData("lagSeconds", String.valueOf(lag))
                .build();
    }
}
