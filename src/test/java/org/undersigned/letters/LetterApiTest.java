package org.undersigned.letters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LetterApiTest {

    @Test
    void listsPublishedLettersButNotDrafts() {
        given().get("/api/letters")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("slug", hasItems("sample-letter", "closed-letter", "hostile-markdown"))
                .body("slug", not(hasItems("draft-letter")))
                .body("find { it.slug == 'sample-letter' }.latestVersion", equalTo(3))
                .body("find { it.slug == 'closed-letter' }.status", equalTo("closed"));
    }

    @Test
    void letterHasItsVersionsWithHashesAndChanges() {
        JsonPath json = given().get("/api/letters/sample-letter")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(json.getString("slug")).isEqualTo("sample-letter");
        assertThat(json.getString("title")).isEqualTo("A sample letter for tests");
        assertThat(json.getString("summary")).startsWith("Three versions");
        assertThat(json.getString("status")).isEqualTo("open");
        assertThat(json.getList("versions.number", Integer.class)).containsExactly(1, 2, 3);
        assertThat(json.getList("versions.carriesSignatures", Boolean.class)).containsExactly(true, true, false);
        assertThat(json.getString("versions[1].changes")).isEqualTo("Typo fixed.");
        assertThat(json.getString("versions[2].published"))
                .isEqualTo("2026-01-03T09:00:00Z"); // +01:00 in the file, served in UTC
        assertThat(json.getString("versions[0].textSha256")).matches("[0-9a-f]{64}");
        assertThat(json.getList("organisers.name")).containsExactly("Test Organiser One", "Test Organiser Two");
    }

    @Test
    void versionMarkdownIsExactlyWhatTheTextHashCovers() throws Exception {
        List<String> hashes = given().get("/api/letters/sample-letter")
                .then()
                .extract()
                .jsonPath()
                .getList("versions.textSha256");
        for (int n = 1; n <= 3; n++) {
            JsonPath v = given().get("/api/letters/sample-letter/versions/" + n)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String markdown = v.getString("markdown");
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(markdown.getBytes(StandardCharsets.UTF_8)));
            assertThat(v.getInt("number")).isEqualTo(n);
            assertThat(v.getString("textSha256")).isEqualTo(sha).isEqualTo(hashes.get(n - 1));
            assertThat(markdown).endsWith("\n").doesNotContain("\r").doesNotEndWith("\n\n");
            assertThat(v.getString("html")).contains("<h2>Sample letter</h2>");
        }
    }

    @Test
    void versionWithCrlfAndTrailingSpacesHashesLikeSha256sumOfTheNormalisedText() {
        // printf '# Sample letter\n\nWe ask Example Corp to publish its received benchmark results by June.\n' |
        // sha256sum
        given().get("/api/letters/sample-letter/versions/3")
                .then()
                .body("textSha256", equalTo("f246e1656f596d77c7b3d02e27ab1bebe73c16d96c07040a2502942f92c0b5a4"));
    }

    @Test
    void hostileMarkdownComesOutInertInTheApi() {
        String html = given().get("/api/letters/hostile-markdown/versions/1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("html");
        MarkdownTest.assertInert(Jsoup.parseBodyFragment(html));
        assertThat(html).contains("href=\"https://example.org/report\"");
    }

    @Test
    void unknownLetterIsAProblem404() {
        given().get("/api/letters/no-such-letter")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("There is no published letter called 'no-such-letter'."));
    }

    @Test
    void draftLetterIsNotFound() {
        given().get("/api/letters/draft-letter").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/letters/draft-letter/versions/1").then().statusCode(404);
    }

    @Test
    void unknownOrMalformedVersionIsAProblem404() {
        given().get("/api/letters/sample-letter/versions/9")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Letter 'sample-letter' has no version 9."));
        given().get("/api/letters/sample-letter/versions/abc")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownApiPathIsAProblemNotAStackTrace() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/letters/sample-letter").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void openApiDocumentsTheLetterEndpoints() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", Matchers.hasKey("/api/letters/{slug}/versions/{number}"));
    }
}
