package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Health and metrics answer on the management port only; the API description stays on the public port. */
@QuarkusTest
class OperationsTest {

    /** The management interface's port in this test run. */
    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    /** Requests to the management interface (a free port per test run). */
    private RequestSpecification management() {
        return given().port(managementPort);
    }

    @Test
    void readinessIncludesTheDatabase() {
        management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void signingMetricsAreExposedOnceSomeoneSigned() {
        given().contentType("application/json")
                .body("{\"name\":\"Otto Metric\",\"email\":\"otto-metric@example.org\",\"listing\":\"private\"}")
                .post("/api/letters/sample-letter/signatures")
                .then()
                .statusCode(202);
        management()
                .get("/q/metrics")
                .then()
                .body(containsString("undersigned_signatures_received_total"))
                .body(containsString("undersigned_mail_outbox_depth"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics"}) {
            given().accept("application/json").get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesNeitherTheApiNorItsDescription() {
        management().get("/q/openapi").then().statusCode(404);
        management().get("/api/letters").then().statusCode(404);
    }

    @Test
    void theApiDescriptionAndSwaggerUiStayPublic() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("Undersigned API"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theDevMailboxDoesNotExistOutsideDevMode() {
        given().accept("text/html").get("/dev/mail").then().statusCode(404);
    }
}
