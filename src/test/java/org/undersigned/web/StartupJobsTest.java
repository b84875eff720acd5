package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Rows;

/**
 * Start-up jobs in the background (production's setting): until the last job has finished, readiness is DOWN and
 * the public port answers 503; during the warm-up that follows the port answers and readiness is still DOWN; then
 * readiness is UP and the letters are there, and nothing the warm-up did was stored. A job holds the start until the test lets it go ({@link HeldStartupJob}).
 */
@QuarkusTest
@TestProfile(StartupJobsTest.Background.class)
class StartupJobsTest {

    public static class Background implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.startup.background", "true",
                    "undersigned.test.hold-start", "true",
                    // long enough to be seen; the request cap is never reached in that time
                    "undersigned.startup.warm-up", "3s",
                    "undersigned.startup.warm-up-requests", "100000000");
        }
    }

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void letGo() {
        HeldStartupJob.RELEASE.countDown(); // whatever happened, the start-up thread does not wait on
    }

    @Test
    void readinessIsDownAndThePublicPortRefusesUntilTheStartUpJobsHaveRun() throws Exception {
        Response starting = given().port(managementPort).get("/q/health/ready");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(startUpCheck(starting).getString("status")).isEqualTo("DOWN");
        assertThat(startUpCheck(starting).getString("data.state")).isEqualTo("running");
        given().get("/api/letters")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .contentType("application/problem+json");
        given().port(managementPort).get("/q/health/live").then().statusCode(200);

        HeldStartupJob.RELEASE.countDown();
        // the jobs done, the warm-up asks the public port, which answers now, while readiness stays DOWN
        Response warming = await(r -> !"running".equals(startUpCheck(r).getString("data.state")));
        assertThat(warming.statusCode()).as(warming.asString()).isEqualTo(503);
        assertThat(startUpCheck(warming).getString("data.state")).isEqualTo("warming-up");
        given().get("/api/letters").then().statusCode(200);

        Response ready = await(r -> r.statusCode() == 200);
        assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(200);
        assertThat(startUpCheck(ready).getString("data.state")).isEqualTo("done");
        given().get("/api/letters").then().statusCode(200).body("slug", hasItem("sample-letter"));
        given().get("/letters/sample-letter").then().statusCode(200);
        given().port(managementPort).get("/q/health/ready").then().body("status", equalTo("UP"));

        // its sign-ups (sent for a slug no letter can have) and its rehearsals stored nothing and queued no mail
        assertThat(Rows.count(
                        dataSource,
                        "SELECT count(*) FROM signature WHERE email LIKE 'warm-up@%' OR email LIKE 'rehearsal-%'"
                                + " OR name LIKE 'Rehearsal %' OR name = 'Warm-up'"))
                .isZero();
        assertThat(Rows.count(
                        dataSource,
                        "SELECT count(*) FROM mail_outbox WHERE recipient LIKE '%warm-up@%'"
                                + " OR recipient LIKE '%rehearsal-%'"))
                .isZero();
    }

    /** Readiness once it passes the test, or when a minute has gone by. */
    private Response await(Predicate<Response> test) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Response health = given().port(managementPort).get("/q/health/ready");
        while (!test.test(health) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            health = given().port(managementPort).get("/q/health/ready");
        }
        return health;
    }

    private static JsonPath startUpCheck(Response health) {
        return JsonPath.from(health.asString()).setRootPath("checks.find { it.name == 'Start-up' }");
    }
}
