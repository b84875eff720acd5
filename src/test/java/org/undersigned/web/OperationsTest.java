package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void signingMetricsAreExposed() {
        given().get("/q/metrics")
                .then()
                .body(containsString("undersigned_signatures_received_total"))
                .body(containsString("undersigned_mail_outbox_depth"));
    }

    @Test
    void theDevMailboxDoesNotExistOutsideDevMode() {
        given().accept("text/html").get("/dev/mail").then().statusCode(404);
    }

    @Test
    void swaggerUiIsAvailable() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
