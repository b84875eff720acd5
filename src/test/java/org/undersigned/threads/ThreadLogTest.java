package org.undersigned.threads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Superuser;
import org.undersigned.transparency.TransparencyLog;

/**
 * Thread revisions and retractions are entries of the letter's log, with a hash anyone can recompute from the thread
 * API; the offline verifier checks every served revision is logged, and fails when the host changes one silently.
 */
@QuarkusTest
class ThreadLogTest {

    private static final String LETTER = "dispute-letter";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OrganiserTokens tokens;

    @Inject
    TransparencyLog log;

    @Inject
    LetterService letters;

    @Inject
    ThreadLog threadLog;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void publishedCorrectedAndRetractedRevisionsAreInTheLogAndTheVerifierRecomputesThem() throws Exception {
        String organiser = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        Map<String, Object> statement = Map.of(
                "id",
                "statement-log",
                "kind",
                "statement",
                "title",
                "Our statement",
                "date",
                "2026-06-01",
                "body",
                "First words.");
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(statement)
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(201);
        Map<String, Object> corrected = new java.util.HashMap<>(statement);
        corrected.put("body", "Corrected words, with **emphasis**.");
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(corrected)
                .put("/api/letters/" + LETTER + "/thread/statement-log")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Superseded."))
                .post("/api/letters/" + LETTER + "/thread/statement-log/retract")
                .then()
                .statusCode(200);
        long total = Counted.total(LETTER, log);
        awaitIdle();

        JsonNode entry = entry("statement-log");
        List<JsonNode> logged = logged();
        String current = sha256(canonical(entry));
        assertThat(entry.path("revisions").get(1).path("sha256").asText()).isEqualTo(current);
        assertThat(logged)
                .as("both revisions and the retraction, each once, counting nothing")
                .anySatisfy(e -> assertThat(e.path("type").asText()
                                + e.path("entry").asText()
                                + e.path("revision").asInt()
                                + e.path("sha256").asText())
                        .isEqualTo("thread-revisionstatement-log2" + current))
                .anySatisfy(e -> assertThat(e.path("type").asText()
                                + e.path("revision").asInt()
                                + e.path("reasonSha256").asText())
                        .isEqualTo("thread-retraction2" + sha256("Superseded.")))
                .filteredOn(e -> "statement-log".equals(e.path("entry").asText()))
                .hasSize(3);
        assertThat(logged)
                .as("the entries loaded from the content folder are logged too")
                .anySatisfy(e -> assertThat(e.path("entry").asText()).isEqualTo("response"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(total);

        OfflineVerifier.Run run = OfflineVerifier.verify("http://localhost:" + port, LETTER);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("revisions and 1 retractions are all in the log");
        try (BrowserContext context = Chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/letters/" + LETTER + "/verify");
            Locator thread = page.locator("li[data-step=thread]");
            PlaywrightAssertions.assertThat(thread).hasAttribute("data-state", "ok");
            PlaywrightAssertions.assertThat(thread.locator(".detail")).containsText("and 1 retraction of the thread");
        }

        // the host changes a published revision without a new one: the log no longer has its hash
        Superuser.run("UPDATE thread_entry SET body_markdown = 'Words nobody published.' WHERE entry_id = "
                + "'statement-log' AND revision = 2 AND letter_id = (SELECT id FROM letter WHERE slug = '" + LETTER
                + "')");
        try {
            awaitServed("Words nobody published."); // the thread API may answer from its one-second cache meanwhile
            OfflineVerifier.Run tampered = OfflineVerifier.verify("http://localhost:" + port, LETTER);
            assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("FAIL").contains("revision 2 of 'statement-log'");
        } finally {
            Superuser.run("UPDATE thread_entry SET body_markdown = 'Corrected words, with **emphasis**.' WHERE "
                    + "entry_id = 'statement-log' AND revision = 2 AND letter_id = (SELECT id FROM letter WHERE slug "
                    + "= '" + LETTER + "')");
        }
    }

    @Test
    void revisionsStoredBeforeLoggingAreLoggedOnceAtStartUp() throws Exception {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        Superuser.run("INSERT INTO thread_entry (letter_id, entry_id, revision, kind, title, entry_date, claims_json, "
                + "points_json, body_markdown, content_sha256, source, published_at) VALUES (" + letterId
                + ", 'statement-old', 1, 'statement', 'An older statement', DATE '2026-04-01', '[]', '[]', "
                + "'Said before.', 'x', 'api', CURRENT_TIMESTAMP)");
        threadLog.runAtStart();
        threadLog.runAtStart(); // as a second replica starting: nothing left to log
        awaitIdle();

        List<JsonNode> old = logged().stream()
                .filter(e -> "statement-old".equals(e.path("entry").asText()))
                .toList();
        assertThat(old).hasSize(1);
        assertThat(old.get(0).path("sha256").asText()).isEqualTo(sha256(canonical(entry("statement-old"))));
    }

    @Test
    void theReadmesJqRecipeGivesTheHashTheLogRecords() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "```sh\n(curl -s https://letters.example.org/api/letters/<slug>/thread .*?)```",
                        java.util.regex.Pattern.DOTALL)
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")));
        assertThat(m.find()).as("README shows the jq recipe").isTrue();
        String script = m.group(1)
                .replace("https://letters.example.org", "http://localhost:" + port)
                .replace("<slug>", LETTER)
                .replace("response-wood", "response");
        Process p = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        JsonNode response = entry("response");
        String logged = logged().stream()
                .filter(e -> "response".equals(e.path("entry").asText()))
                .map(e -> e.path("sha256").asText())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(out).startsWith(logged + " ");
        assertThat(response.path("archived").isObject())
                .as("the entry tried has every kind of field")
                .isTrue();
    }

    private JsonNode entry(String id) throws Exception {
        JsonNode thread =
                JSON.readTree(given().get("/api/letters/" + LETTER + "/thread").asString());
        for (JsonNode e : thread.path("entries")) {
            if (e.path("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + id);
    }

    /** Waits until the thread API serves the given words (its short cache may hold the earlier answer). */
    private void awaitServed(String words) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!entry("statement-log").toString().contains(words)) {
            assertThat(System.currentTimeMillis()).as("the API serves " + words).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The canonical form as the README defines it, computed here from the API's JSON. */
    private static String canonical(JsonNode apiEntry) throws Exception {
        ObjectNode form = apiEntry.deepCopy();
        form.remove(List.of("html", "revisions", "retracted"));
        for (JsonNode point : (ArrayNode) form.path("points")) {
            ((ObjectNode) point).remove("html");
        }
        dropNulls(form);
        return new JsonCanonicalizer(JSON.writeValueAsString(form)).getEncodedString();
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    it.remove();
                } else {
                    dropNulls(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(ThreadLogTest::dropNulls);
        }
    }

    private List<JsonNode> logged() throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String e : Counted.entries(LETTER, log)) {
            parsed.add(JSON.readTree(e));
        }
        return parsed;
    }

    private void awaitIdle() {
        Counted.settle(log);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
