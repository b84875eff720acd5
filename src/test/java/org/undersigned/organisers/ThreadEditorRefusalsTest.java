package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.undersigned.organisers.EditorSession.THREAD;
import static org.undersigned.organisers.EditorSession.thread;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The thread editor refuses what it must, always with a 4xx: malformed fields come back as 400 naming each field,
 * unknown entries are 404, another letter's organiser gets 403, and a form POST without its CSRF token is refused.
 */
@QuarkusTest
class ThreadEditorRefusalsTest {

    @Inject
    OrganiserTokens tokens;

    @Test
    void malformedFieldsComeBackAs400NamingEachFieldNeverAsAServerError() {
        EditorSession s = session();
        Response bad = s.post()
                .formParam("id", "Not An Id!")
                .formParam("kind", "poem")
                .formParam("title", "Malformed")
                .formParam("organisation", "x".repeat(201))
                .formParam("date", "tomorrow")
                .formParam("url", "ftp://example.org/file")
                .formParam("respondsTo", "y".repeat(500))
                .formParam("claimId", "dup", "dup")
                .formParam("claimText", "One.", "Two.")
                .formParam("pointClaim", "no-such-claim")
                .formParam("pointBody", "")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        bad.then().statusCode(400);
        assertThat(Jsoup.parse(bad.asString()).select("#form-errors a").eachAttr("href"))
                .contains("#f-date");
        Response tooLong = s.newEntry("malformed-entry", "statement", "Malformed")
                .formParam("organisation", "x".repeat(201))
                .formParam("claimId", "Bad Id")
                .formParam("claimText", "A claim.")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        tooLong.then().statusCode(400);
        assertThat(Jsoup.parse(tooLong.asString()).select("#form-errors a").eachAttr("href"))
                .containsExactly("#f-organisation", "#f-claim-id-1");
        Response unknownCopy = s.newEntry("malformed-entry", "statement", "Malformed")
                .formParam("archived", "not-a-hash")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        unknownCopy.then().statusCode(400);
        assertThat(Jsoup.parse(unknownCopy.asString()).select("#form-errors a").eachAttr("href"))
                .containsExactly("#f-archived");
        s.get(THREAD + "?revision=many").then().statusCode(404);
        s.get(THREAD + "/no-such-entry/correct").then().statusCode(404);
        s.post()
                .formParam("reason", "Why not.")
                .post(THREAD + "/no-such-entry/retract")
                .then()
                .statusCode(404);
        s.get("/organisers/letters/no-such-letter/thread").then().statusCode(403);
        assertThat(thread().getList("id")).doesNotContain("malformed-entry");
    }

    @Test
    void anotherLettersOrganiserIsRefused() {
        String other = tokens.mint("bot:editor-other", OrganiserTokens.ORGANISER, List.of("bulk-letter"), null)
                .token();
        EditorSession own = EditorSession.open(other, "/organisers/letters/bulk-letter/thread/new");
        EditorSession stranger = new EditorSession(other, own.csrfCookie(), own.csrfToken());
        stranger.get(THREAD).then().statusCode(403);
        stranger.get(THREAD + "/new").then().statusCode(403);
        stranger.newEntry("intruder", "statement", "Not yours")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(403);
        assertThat(thread().getList("id")).doesNotContain("intruder");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        EditorSession s = session();
        given().cookie("organiser", s.organiser())
                .cookie("csrf", s.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("id", "forged", "kind", "statement", "title", "Forged", "date", "2026-08-02"))
                .formParam("action", "publish")
                .redirects()
                .follow(false)
                .post(THREAD + "/new")
                .then()
                .statusCode(403);
        new EditorSession(s.organiser(), s.csrfCookie(), "not-the-token")
                .newEntry("forged", "statement", "Forged")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(403);
        assertThat(thread().getList("id")).doesNotContain("forged");
    }

    private EditorSession session() {
        String organiser = tokens.mint("bot:editor", OrganiserTokens.ORGANISER, List.of(EditorSession.LETTER), null)
                .token();
        return EditorSession.open(organiser, THREAD + "/new");
    }
}
