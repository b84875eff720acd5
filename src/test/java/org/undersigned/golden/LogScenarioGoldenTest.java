package org.undersigned.golden;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.SeededSalts;
import org.undersigned.support.TestClock;
import org.undersigned.transparency.TransparencyLog;

/**
 * One scripted life of a letter (sign, confirm, hold and release, withdraw, disown, re-affirm) with the same keys,
 * a fixed clock and seeded salts yields the recorded log entries byte for byte, whatever the code looks like inside.
 */
@QuarkusTest
class LogScenarioGoldenTest {

    private static final String LETTER = "golden-letter";
    private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TestClock clock;

    @Inject
    SeededSalts salts;

    @Inject
    TransparencyLog log;

    @Inject
    ContentSync content;

    @Inject
    OrganiserTokens tokens;

    private int minute;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        salts.reset();
    }

    @Test
    void theScriptedScenarioWritesTheRecordedLogEntries() throws Exception {
        salts.seed(20260501L);
        String ada = "ada.golden@google.com";
        String ben = "ben.golden@example.org";
        String cal = "cal.golden@example.net";

        String adaId = sign(Map.of(
                "name",
                "Ada Golden",
                "email",
                ada,
                "organisation",
                "Google Research",
                "role",
                "Researcher",
                "listing",
                "public"));
        follow(Mailbox.link(Mailbox.await(mail, ada, 1), "/confirm/"));
        sign(Map.of("name", "Ben Golden", "email", ben, "listing", "private", "notify", "true"));
        follow(Mailbox.link(Mailbox.await(mail, ben, 1), "/confirm/"));
        String calId = sign(Map.of("name", "Geoffrey Hinton", "email", cal, "listing", "public"));
        follow(Mailbox.link(Mailbox.await(mail, cal, 1), "/confirm/"));

        tick();
        given().auth()
                .oauth2(tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                        .token())
                .post("/api/letters/" + LETTER + "/moderation/" + calId + "/release")
                .then()
                .statusCode(200);

        follow(Mailbox.link(Mailbox.await(mail, ben, 2), "/withdraw/"));

        tick();
        String report = "/letters/" + LETTER + "/disown/" + adaId;
        FormSession.open(report)
                .post()
                .formParam("email", ada)
                .post(report)
                .then()
                .statusCode(200);
        follow(Mailbox.link(Mailbox.await(mail, ada, 3), "/disown/"));

        tick();
        Files.writeString(Path.of("target/test-content/letters", LETTER, "v2.md"), """
                ---
                version: 2
                published: 2026-05-01T13:00:00Z
                changes: Asks for more.
                carries_signatures: false
                ---
                We ask for the same log, byte for byte, and for the same count.
                """);
        content.sync();
        follow(Mailbox.link(Mailbox.await(mail, cal, 3), "/reaffirm/"));

        Golden.check("log-scenario.jsonl", entries());
    }

    /** Moves the clock on by a minute, so every step has its own recorded time. */
    private void tick() {
        clock.set(START.plus(Duration.ofMinutes(++minute)));
    }

    private String sign(Map<String, String> body) {
        tick();
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** Opens a mailed link's page and submits its form, as the person would. */
    private void follow(String link) {
        tick();
        FormSession.open(link).post().post(link).then().statusCode(200);
    }

    /** Every entry of the letter's log, one per line, read from the public entry bundle (C2SP tlog-tiles). */
    private String entries() {
        Counted.settle(log);
        long size = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        ByteBuffer bundle = ByteBuffer.wrap(given().get("/log/" + LETTER + "/tile/entries/000.p/" + size)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        StringBuilder lines = new StringBuilder();
        while (bundle.hasRemaining()) {
            byte[] entry = new byte[Short.toUnsignedInt(bundle.getShort())];
            bundle.get(entry);
            lines.append(new String(entry, StandardCharsets.UTF_8)).append('\n');
        }
        return lines.toString();
    }
}
