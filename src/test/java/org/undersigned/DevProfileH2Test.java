package org.undersigned;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup path of {@code ./mvnw quarkus:dev}: embedded H2, the common migrations, the repository's content, the
 * demo data.
 */
@QuarkusTest
@TestProfile(DevProfileH2Test.EmbeddedH2.class)
class DevProfileH2Test {

    public static class EmbeddedH2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind",
                    "h2",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:devprofile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.username",
                    "sa",
                    "quarkus.datasource.password",
                    "",
                    // empty: the migrations run on the datasource itself, not as the PostgreSQL tests' owner role
                    "quarkus.flyway.username",
                    "",
                    "quarkus.flyway.password",
                    "",
                    "quarkus.flyway.locations",
                    "db/migration/common",
                    "undersigned.content-dir",
                    "content",
                    // as in dev mode, with fewer sample signers
                    "undersigned.demo.enabled",
                    "true",
                    "undersigned.demo.signatures",
                    "12");
        }
    }

    @Test
    void migrationsApplyAndTheHomePageListsTheSampleLetters() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("/letters/face-recognition-moratorium"))
                .body(containsString("/letters/publish-the-benchmarks"));
        given().get("/letters/face-recognition-moratorium/diff/1..2")
                .then()
                .statusCode(200)
                .body(containsString("<ins>"));
    }

    @Test
    void aSignUpIsStoredAndARepeatGetsAnIdOfItsOwnOnH2() {
        String body = "{\"name\":\"Hana Embedded\",\"email\":\"hana-h2@example.org\",\"listing\":\"public\"}";
        String first = given().contentType("application/json")
                .body(body)
                .post("/api/letters/face-recognition-moratorium/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = given().contentType("application/json")
                .body(body.replace("hana-h2", "HANA-H2"))
                .post("/api/letters/face-recognition-moratorium/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // the repeat reads like a first sign-up and never reveals, or changes, the first one
        assertNotEquals(first, second);
        given().get("/api/signatures/" + first).then().statusCode(200).body(containsString("pending-email"));
        given().get("/api/signatures/" + second).then().statusCode(200).body(containsString("pending-email"));
    }

    @Test
    void theDemoDataIsWrittenOnH2AndTheHomePageCountsIt() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"done"
                .equals(given().port(managementPort)
                        .get("/q/health/ready")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("checks.find { it.name == 'Demo data' }.data.state"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the demo data was not written within a minute");
            sleep();
        }
        while (given().get("/api/letters/publish-the-benchmarks/count")
                        .jsonPath()
                        .getLong("total")
                < 10) {
            assertTrue(System.currentTimeMillis() < deadline, "the log did not count the demo data within a minute");
            sleep();
        }
        given().get("/").then().statusCode(200).body(containsString("verified signatures · last signed"));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Inject
    DataSource dataSource;

    /** The management interface's port in this test run. */
    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void theDatabaseIsTheEmbeddedH2() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("H2", c.getMetaData().getDatabaseProductName());
        }
        given().port(managementPort).get("/q/health/ready").then().statusCode(200);
    }
}
