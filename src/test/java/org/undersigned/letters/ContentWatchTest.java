package org.undersigned.letters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.undersigned.support.TestDatabase;

/** With the watch on (as in dev mode), saved content is served without a restart; broken content changes nothing. */
@QuarkusTest
@TestProfile(ContentWatchTest.Watching.class)
class ContentWatchTest {

    static final Path DIR = Path.of("target/watch-content");

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestDatabase.copyContent(Path.of("src/test/content"), DIR);
            return Map.of(
                    "quarkus.datasource.db-kind",
                    "h2",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:contentwatch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
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
                    DIR.toString(),
                    "undersigned.content.watch",
                    "true");
        }
    }

    @Test
    void aLetterSavedWhileRunningIsServedAndABrokenVersionIsIgnoredUntilFixed() throws Exception {
        Path letter = DIR.resolve("letters/watched-letter");
        given().get("/api/letters/watched-letter").then().statusCode(404);

        Files.createDirectories(letter);
        Files.writeString(letter.resolve("v1.md"), version(1, "First words."));
        Files.writeString(
                letter.resolve("letter.yaml"),
                "title: Written while the service runs\n" + "summary: Loaded by the content watch.\nstatus: open\n");
        await(() -> given().get("/api/letters/watched-letter").statusCode() == 200);

        Files.writeString(letter.resolve("v2.md"), "---\nversion: 3\n---\nThe number does not match the file.\n");
        Thread.sleep(1500);
        assertThat(given().get("/api/letters/watched-letter/versions/2").statusCode())
                .isEqualTo(404);
        given().get("/api/letters/watched-letter").then().statusCode(200);

        Files.writeString(
                letter.resolve("v2.md"),
                version(2, "Second words.").replace("changes: First.", "changes: Second.\ncarries_signatures: true"));
        await(() -> given().get("/api/letters/watched-letter/versions/2").statusCode() == 200);
    }

    private static String version(int n, String text) {
        return "---\nversion: " + n + "\npublished: 2026-06-0" + n + "T00:00:00Z\nchanges: First.\n---\n# Watched\n\n"
                + text + "\n";
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("waited 15 s for the change to be loaded")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
