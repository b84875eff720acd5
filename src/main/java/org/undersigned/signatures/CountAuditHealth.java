package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness carries the count audit's alarms: a detail for the operator, not a reason to stop serving (the counts
 * served were corrected from the log when the alarm was raised).
 */
@Readiness
@ApplicationScoped
public class CountAuditHealth implements HealthCheck {

    private final CountAudit audit;

    CountAuditHealth(CountAudit audit) {
        this.audit = audit;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Count audit").up();
        audit.alarms()
                .forEach((letter, result) -> response.withData(
                        "COUNT MISMATCH " + letter,
                        "at tree size " + result.size() + " "
                                + result.differences().keySet() + " differed from the log's count; corrected"));
        return response.build();
    }
}
