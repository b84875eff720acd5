package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness carries what the witnesses said: a fork alarm, or a witness that cannot cosign, is a detail for the
 * operator, never a reason to stop serving (the log keeps signing; only the witnessed checkpoint waits).
 */
@Readiness
@ApplicationScoped
public class WitnessHealth implements HealthCheck {

    private final Witnessing witnessing;
    private final Witnesses witnesses;

    WitnessHealth(Witnessing witnessing, Witnesses witnesses) {
        this.witnessing = witnessing;
        this.witnesses = witnesses;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Witnesses")
                .up()
                .withData("witnesses", witnesses.all().size())
                .withData("quorum", witnesses.quorum());
        for (Witnessing.Standing s : witnessing.standings()) {
            if (s.state() == Witnessing.State.FORK) {
                response.withData("FORK ALARM " + s.slug() + " " + s.witness(), s.detail());
            } else if (s.state() != Witnessing.State.COSIGNED) {
                response.withData(s.state().name().toLowerCase() + " " + s.slug() + " " + s.witness(), s.detail());
            }
        }
        return response.build();
    }
}
