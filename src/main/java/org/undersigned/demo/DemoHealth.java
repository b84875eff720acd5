package org.undersigned.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in readiness whether the demo data is written yet (dev mode): "writing", "done", "failed", or "off". Always UP:
 * the service answers while the sample signatures are being written.
 */
@Readiness
@ApplicationScoped
public class DemoHealth implements HealthCheck {

    private final DemoData data;

    DemoHealth(DemoData data) {
        this.data = data;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Demo data")
                .up()
                .withData("state", data.state().name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }
}
