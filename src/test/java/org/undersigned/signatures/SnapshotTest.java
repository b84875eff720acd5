package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Signing;
import org.undersigned.support.Superuser;
import org.undersigned.support.TestClock;
import org.undersigned.transparency.TransparencyLog;

/**
 * Snapshots of the public signatories: exactly the public signers live in the log at the snapshot's checkpoint (a
 * signer who withdraws afterwards stays in it, a private one is never in it), checked by the offline verifier;
 * an erasure takes the snapshot down at once and the next one leaves the name out; a forged name is caught.
 */
@QuarkusTest
class SnapshotTest {

    static final String LETTER = "snapshot-letter";
    private static final ObjectMapper JSON = new ObjectMapper();

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    LetterService letters;

    @Inject
    SignatorySnapshots snapshots;

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSnapshotListsThePublicSignersLiveAtItsCheckpointAndTheVerifierChecksIt() throws Exception {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        given().get("/api/letters/" + LETTER + "/snapshot")
                .then()
                .statusCode(404)
                .body("detail", containsString("no snapshot"));
        String ann = sign("Ann Snapshot", "public");
        sign("Pia Private", "private");
        String cat = sign("Cat \"Quoted\", Snapshot", "public");
        sign("=Dan Formula", "public");
        Counted.settle(log);
        long size = Counted.entries(LETTER, log).size();

        SnapshotRepository.Current first = snapshots.build(letterId).orElseThrow();
        assertThat(first.size()).isEqualTo(size);
        assertThat(first.names()).isEqualTo(3);
        JsonPath meta = given().get("/api/letters/" + LETTER + "/snapshot")
                .then()
                .statusCode(200)
                .body("size", equalTo((int) size))
                .body("names", equalTo(3))
                .body("rootHash", equalTo(log.head(letterId).orElseThrow().rootHash()))
                .extract()
                .jsonPath();
        List<JsonNode> lines = jsonl(meta.getString("jsonl"));
        assertThat(lines.stream().map(l -> l.path("name").asText()))
                .containsExactly("Ann Snapshot", "Cat \"Quoted\", Snapshot", "=Dan Formula");
        assertThat(lines.get(0).path("listing").asText()).matches("[0-9a-f]{64}");
        assertThat(lines.toString()).doesNotContain("Pia").doesNotContain("@");
        String csv = given().get(meta.getString("csv"))
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", containsString(LETTER + "-signatories-at-" + size + ".csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n"))
                .hasSize(4)
                .startsWith(SignatoryCsv.HEADER.strip())
                .anyMatch(row -> row.startsWith("\"Cat \"\"Quoted\"\", Snapshot\","))
                .anyMatch(row -> row.startsWith("\"'=Dan Formula\","));
        String checkpoint = given().get(meta.getString("checkpoint"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(checkpoint.lines().toList().subList(1, 3))
                .containsExactly(String.valueOf(size), meta.getString("rootHash"));
        // another size is not served, and the answer names the current one
        given().get("/letters/" + LETTER + "/snapshots/" + (size - 1) + ".csv")
                .then()
                .statusCode(404)
                .body(containsString("checkpoint " + size));
        given().get("/letters/" + LETTER + "/snapshots/x.csv").then().statusCode(404);
        // the letter page links it
        Mailbox.sleep(1_100); // the page is rendered at most once a second
        assertThat(Jsoup.parse(given().get("/letters/" + LETTER).asString())
                        .select("p.snapshot a")
                        .first()
                        .text())
                .isEqualTo("These 3 public names as of checkpoint " + size);

        // Cat withdraws after the snapshot: still live at its checkpoint, so still in it, and the verifier agrees
        String withdraw = Mailbox.link(Mailbox.await(mail, cat, 2), "/withdraw/");
        FormSession.open(withdraw).post().post(withdraw).then().statusCode(200);
        Counted.settle(log);
        verified(3, size);
        // the next one is not due before ten minutes; then it is of the new checkpoint, without Cat
        snapshots.buildDue();
        assertThat(snapshots.current(letterId).orElseThrow().generation()).isEqualTo(first.generation());
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        try {
            snapshots.buildDue();
        } finally {
            clock.reset();
        }
        SnapshotRepository.Current second = snapshots.current(letterId).orElseThrow();
        assertThat(second.size()).isGreaterThan(size);
        assertThat(second.names()).isEqualTo(2);
        verified(2, second.size());

        // Ann erases her data: the snapshot is taken down at once, and the next one leaves her out
        String erase = Mailbox.link(Mailbox.await(mail, ann, 2), "/withdraw/");
        FormSession.open(erase)
                .post()
                .formParam("erase", "yes")
                .post(erase)
                .then()
                .statusCode(200)
                .body(containsString("have been erased"));
        given().get("/api/letters/" + LETTER + "/snapshot").then().statusCode(404);
        given().get("/letters/" + LETTER + "/snapshots/" + second.size() + ".jsonl")
                .then()
                .statusCode(404);
        snapshots.buildDue(); // a letter without a snapshot is due at once
        SnapshotRepository.Current third = snapshots.current(letterId).orElseThrow();
        assertThat(third.names()).isEqualTo(1);
        String rebuilt = given().get("/letters/" + LETTER + "/snapshots/" + third.size() + ".jsonl")
                .asString();
        assertThat(rebuilt).contains("=Dan Formula").doesNotContain("Ann");
        verified(1, third.size());

        // a name the log does not carry (changed behind the service's back) fails the check
        Superuser.run(
                "UPDATE signature SET name = 'Dan Forged' WHERE letter_id = " + letterId + " AND name = '=Dan Formula'",
                "UPDATE signatory_snapshot SET size = NULL WHERE letter_id = " + letterId);
        snapshots.buildDue();
        OfflineVerifier.Run caught = OfflineVerifier.verify("--snapshot", root.toString(), LETTER);
        assertThat(caught.exit()).as(caught.output()).isEqualTo(1);
        assertThat(caught.output()).contains("Dan Forged: no signer live at tree size");
    }

    @Test
    void aClaimedBuildIsLeftToTheReplicaThatClaimedIt() throws Exception {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        Superuser.run(
                "INSERT INTO signatory_snapshot (letter_id) VALUES (" + letterId + ") ON CONFLICT DO NOTHING",
                "UPDATE signatory_snapshot SET claimed_until = CURRENT_TIMESTAMP + INTERVAL '1 hour', size = NULL "
                        + "WHERE letter_id = " + letterId);
        try {
            assertThat(snapshots.build(letterId)).isEmpty();
        } finally {
            Superuser.run("UPDATE signatory_snapshot SET claimed_until = NULL WHERE letter_id = " + letterId);
        }
    }

    private void verified(int names, long size) throws Exception {
        OfflineVerifier.Run run = OfflineVerifier.verify("--snapshot", root.toString(), LETTER);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains(names + " names in the snapshot at tree size " + size);
    }

    private static List<JsonNode> jsonl(String path) throws Exception {
        String body = given().get(path)
                .then()
                .statusCode(200)
                .contentType("application/jsonl")
                .extract()
                .asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private String sign(String name, String listing) {
        String email = Signing.address("snapshot-" + Long.toHexString(System.nanoTime()), "example.org");
        Signing.signAndConfirm(mail, LETTER, Map.of("name", name, "email", email, "listing", listing));
        return email;
    }
}
