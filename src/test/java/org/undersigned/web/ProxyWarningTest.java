package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.TestClock;

/** No trusted proxy in tests, and every request comes from 127.0.0.1: just what a sidecar proxy looks like. */
@QuarkusTest
class ProxyWarningTest {

    private static final String CHECK = "checks.find { it.name == 'Client networks' }";

    @Inject
    TestClock clock;

    /** Readiness answers on the management interface (a free port per test run). */
    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void readinessStaysUpAndWarnsAfterAWindowInWhichOnePrivateAddressSentNearlyEverything() {
        long window = PeerShares.WINDOW.toMillis();
        Instant start = Instant.ofEpochMilli((Instant.now().toEpochMilli() / window + 2) * window);
        clock.set(start);
        for (int i = 0; i < PeerShares.MIN_REQUESTS + 5; i++) {
            given().get("/api/letters/sample-letter/count").then().statusCode(200);
        }
        // the window is not over yet, and the one before it had no requests
        ready().body(CHECK + ".data.trustedProxies", equalTo("none")).body(CHECK + ".data.warning", nullValue());

        clock.set(start.plusMillis(window));
        ready().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.trustedProxies", equalTo("none"))
                .body(CHECK + ".data.warning", containsString("from 127.0.0.1, a private address"))
                .body(CHECK + ".data.warning", containsString("UNDERSIGNED_TRUSTED_PROXIES"));

        // a window without requests clears it
        clock.set(start.plusMillis(2 * window));
        ready().body(CHECK + ".status", equalTo("UP")).body(CHECK + ".data.warning", nullValue());
    }

    private ValidatableResponse ready() {
        return given().port(managementPort)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
