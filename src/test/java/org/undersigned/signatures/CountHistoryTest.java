package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Signing;
import org.undersigned.support.Superuser;
import org.undersigned.transparency.TransparencyLog;

/**
 * The count history: after signatures, a withdrawal and an invalidation, with the log's checkpoints spread one per
 * hour and their stored totals gone (as for checkpoints signed before totals were kept), the backfill replays the
 * log and every point of the history equals an independent replay of the log's own entries at the point's size; the
 * letter page draws and lists the same points.
 */
@QuarkusTest
class CountHistoryTest {

    static final String LETTER = "history-letter";
    private static final ObjectMapper JSON = new ObjectMapper();

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    CountHistory history;

    @Inject
    OrganiserTokens tokens;

    @Inject
    LetterService letters;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPointEqualsAnIndependentReplayOfTheLogAtItsSize() throws Exception {
        sign("ann", "example.org");
        String ben = sign("ben", "example.org");
        sign("cat", "example.org");
        sign("spam", "spam-history.example");
        // ben withdraws; the organisers invalidate the spam domain; one more signs
        String withdraw = Mailbox.link(Mailbox.await(mail, ben, 2), "/withdraw/");
        FormSession.open(withdraw).post().post(withdraw).then().statusCode(200);
        String organiser = tokens.mint("bot:history", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("domain", "spam-history.example", "reason", "spam"))
                .post("/api/letters/" + LETTER + "/invalidations")
                .then()
                .statusCode(200)
                .body("invalidated", equalTo(1));
        sign("dan", "example.org");
        assertThat(Counted.total(LETTER, log)).isEqualTo(3);
        List<String> entries = Counted.entries(LETTER, log);

        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        Superuser.run(
                "SET session_replication_role = replica",
                "UPDATE log_checkpoint SET created_at = TIMESTAMPTZ '2026-01-01 00:30:00+00' + size * INTERVAL '1 day'"
                        + " WHERE letter_id = " + letterId,
                "DELETE FROM letter_count_at WHERE letter_id = " + letterId);
        assertThat(history.backfill(letterId)).isGreaterThan(3);
        assertThat(history.backfill(letterId)).isZero();

        JsonPath hourly = given().get("/api/letters/" + LETTER + "/history?bucket=hour")
                .then()
                .statusCode(200)
                .body("letter", equalTo(LETTER))
                .body("bucket", equalTo("hour"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> points = hourly.getList("points");
        assertThat(points).hasSizeGreaterThan(3);
        for (Map<String, Object> p : points) {
            long size = ((Number) p.get("size")).longValue();
            assertThat(((Number) p.get("count")).longValue())
                    .as("the count at size %d", size)
                    .isEqualTo(replay(entries, size));
        }
        Map<String, Object> last = points.get(points.size() - 1);
        assertThat(((Number) last.get("size")).longValue()).isEqualTo(entries.size());
        assertThat(((Number) last.get("count")).longValue()).isEqualTo(3);
        assertThat(last.get("time"))
                .isEqualTo(Instant.parse("2026-01-01T00:30:00Z")
                        .plus(Duration.ofDays(entries.size()))
                        .toString());

        // one checkpoint a day: by day, the same points; the CSV says the same
        List<Map<String, Object>> daily =
                given().get("/api/letters/" + LETTER + "/history").jsonPath().getList("points");
        assertThat(daily).isEqualTo(points);
        String csv = given().get("/api/letters/" + LETTER + "/history.csv?bucket=hour")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.lines().toList())
                .startsWith("time,size,rootHash,count")
                .hasSize(points.size() + 1)
                .endsWith(last.get("time") + "," + last.get("size") + "," + last.get("rootHash") + ",3");

        // the letter page draws the same points and lists their numbers, newest first
        Mailbox.sleep(1_100); // the page is rendered at most once a second
        Document page = Jsoup.parse(given().get("/letters/" + LETTER).asString());
        assertThat(page.select("section.history svg[role=img] circle")).hasSize(points.size());
        List<String> expected = points.stream()
                .map(p -> String.valueOf(p.get("count")))
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(expected);
        assertThat(page.select("section.history tbody tr td:nth-child(2)").eachText())
                .isEqualTo(expected);
        // the offline verifier recomputes every point's root and count from the log's entries
        OfflineVerifier.Run verified = OfflineVerifier.verify("--history", root.toString(), LETTER);
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains(points.size() + " points of the count history");
        // and catches a point that does not match the log (a total changed behind its back; another one dropped and
        // replayed again, which makes the service read the history afresh)
        long tampered = ((Number) points.get(1).get("size")).longValue();
        Superuser.run(
                "SET session_replication_role = replica",
                "UPDATE letter_count_at SET total = total + 5 WHERE letter_id = " + letterId + " AND size = "
                        + tampered,
                "DELETE FROM letter_count_at WHERE letter_id = " + letterId + " AND size = "
                        + ((Number) points.get(0).get("size")).longValue());
        assertThat(history.backfill(letterId)).isEqualTo(1);
        OfflineVerifier.Run caught = OfflineVerifier.verify("--history", root.toString(), LETTER);
        assertThat(caught.exit()).as(caught.output()).isEqualTo(1);
        assertThat(caught.output()).contains("count history at").contains("size " + tampered);

        try (BrowserContext context =
                Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page browser = context.newPage();
            browser.navigate(root + "letters/" + LETTER);
            browser.locator("section.history summary").click();
            assertThat(Axe.seriousViolations(browser)).isEmpty();
        }
    }

    @Test
    void anUnknownBucketOrTimeIsRefusedWithTheFieldNamed() {
        given().get("/api/letters/" + LETTER + "/history?bucket=week")
                .then()
                .statusCode(400)
                .body("errors.bucket", equalTo("Give hour or day."));
        given().get("/api/letters/" + LETTER + "/history?from=yesterday")
                .then()
                .statusCode(400)
                .body("errors.from", org.hamcrest.Matchers.notNullValue());
        given().get("/api/letters/no-such-letter/history").then().statusCode(404);
    }

    /** The count rule, written here from the README: signers live after a signature, not after an ending. */
    static long replay(List<String> entries, long size) throws Exception {
        Map<String, Boolean> live = new HashMap<>();
        for (String text : entries.subList(0, (int) size)) {
            JsonNode e = JSON.readTree(text);
            String signer = e.path("signer").asText();
            switch (e.path("type").asText()) {
                case "signature" -> live.put(signer, true);
                case "reaffirmation" -> live.computeIfPresent(signer, (k, v) -> true);
                case "withdrawal", "invalidation" -> live.computeIfPresent(signer, (k, v) -> false);
                default -> {}
            }
        }
        return live.values().stream().filter(v -> v).count();
    }

    private String sign(String who, String domain) {
        String email = Signing.address("history-" + who, domain);
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "History " + who, "email", email, "listing", "public"));
        return email;
    }
}
