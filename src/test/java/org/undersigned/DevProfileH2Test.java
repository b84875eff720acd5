package org.undersigned;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The zero-setup path of {@code ./mvnw quarkus:dev}: embedded H2, the common migrations, the repository's content. */
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
                    "content");
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
