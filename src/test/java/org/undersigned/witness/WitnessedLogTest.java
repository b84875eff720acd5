package org.undersigned.witness;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Signing;
import org.undersigned.support.SourcePrograms;
import org.undersigned.support.Superuser;
import org.undersigned.transparency.LogKeys;
import org.undersigned.transparency.note.Cosigner;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.VerifierKey;

/**
 * The service and two witnesses running as real processes (witness/Witness.java): checkpoints are submitted and
 * cosigned, the witnessed checkpoint waits for the quorum (2) while one witness is down, a witness restart keeps its
 * state, and a log forked after a restore from backup is refused by the witnesses and raises the fork alarm.
 */
@QuarkusTest
@TestProfile(WitnessedLogTest.TwoWitnesses.class)
class WitnessedLogTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Two witnesses whose keys are made before the service starts, so the service can be configured with them. */
    public static class TwoWitnesses implements QuarkusTestProfile {

        static final List<Planned> PLANNED = List.of(plan("alpha.test/witness", 41), plan("beta.test/witness", 42));

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.log.witnesses",
                    String.join(
                            ",",
                            PLANNED.stream()
                                    .map(p -> p.key().format() + " http://127.0.0.1:" + p.port())
                                    .toList()),
                    "undersigned.log.witness-quorum",
                    "2");
        }
    }

    /** A witness's name, seed, port and state folder, fixed before anything starts. */
    record Planned(String name, byte[] seed, int port, Path dir) {
        VerifierKey key() {
            return Cosigner.fromSeed(name, seed).verifierKey();
        }
    }

    @MailServer.Inject
    GreenMail mail;

    @Inject
    LogKeys keys;

    @ConfigProperty(name = "quarkus.http.test-port")
    int appPort;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    private final List<Process> running = new ArrayList<>();

    @AfterEach
    void stopWitnesses() {
        running.forEach(Process::destroy);
        running.clear();
    }

    @Test
    void theWitnessedCheckpointWaitsForTheQuorumAndAWitnessRestartKeepsItsState() throws Exception {
        String letter = "witnessed-letter";
        Process alpha = start(TwoWitnesses.PLANNED.get(0));
        Signing.signAndConfirm(mail, letter, signer("Wanda Witnessed"));
        long size = awaitSize(letter, 1);

        String latest = await("alpha's cosignature on the latest checkpoint", () -> {
            String note = checkpoint(letter);
            return note.contains("\u2014 alpha.test/witness ") && sizeOf(note) == size ? note : null;
        });
        assertVerifies(latest, letter, TwoWitnesses.PLANNED.get(0).key());
        assertThat(latest).doesNotContain("beta.test/witness");
        given().get("/log/" + letter + "/checkpoint/witnessed").then().statusCode(404);
        assertThat(readiness()).contains("unreachable " + letter + " beta.test/witness");

        start(TwoWitnesses.PLANNED.get(1));
        String witnessed = await("the witnessed checkpoint once beta is up", () -> {
            HttpResponse<String> r = get("/log/" + letter + "/checkpoint/witnessed");
            return r.statusCode() == 200 && sizeOf(r.body()) == size ? r.body() : null;
        });
        assertVerifies(
                witnessed,
                letter,
                TwoWitnesses.PLANNED.get(0).key(),
                TwoWitnesses.PLANNED.get(1).key());

        // the journalist's verifier, with witness keys from the witnesses (never from the host)
        String alphaKey = TwoWitnesses.PLANNED.get(0).key().format();
        String betaKey = TwoWitnesses.PLANNED.get(1).key().format();
        OfflineVerifier.Run both = OfflineVerifier.verify(
                "--witness",
                alphaKey,
                "--witness",
                betaKey,
                "--ask",
                witnessUrl(0),
                "--ask",
                witnessUrl(1),
                "http://localhost:" + appPort,
                letter);
        assertThat(both.exit()).as(both.output()).isZero();
        assertThat(both.output())
                .contains("cosigned by 2 of the 2 witnesses given")
                .contains("alpha.test/witness last cosigned tree size")
                .contains("beta.test/witness last cosigned tree size")
                .contains("signatures at the witnessed checkpoint, as published for it");
        long total = given().get("/api/letters/" + letter + "/count").jsonPath().getLong("total");
        assertThat(given().get("/api/letters/" + letter + "/count").jsonPath().getMap("witnessed"))
                .as("the count API gives the count at the witnessed checkpoint")
                .containsEntry("size", (int) size)
                .containsEntry("total", (int) total);
        String stranger = Cosigner.fromSeed("stranger.test/witness", new byte[32])
                .verifierKey()
                .format();
        OfflineVerifier.Run unknown =
                OfflineVerifier.verify("--witness", stranger, "http://localhost:" + appPort, letter);
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(1);
        assertThat(unknown.output()).contains("only 0 of the required 1 witnesses cosigned");
        assertThat(browserVerdict(letter, List.of(witnessUrl(0), witnessUrl(1)), alphaKey, betaKey))
                .startsWith("Verified: ")
                .contains("at tree size " + size)
                .endsWith("cosigned by 2 or more of your witnesses.");
        assertThat(browserVerdict(letter, stranger)).contains("only 0 of the required 1 witnesses cosigned");

        // a restarted witness keeps what it cosigned: asked from scratch, it answers with its size
        alpha.destroy();
        alpha.waitFor();
        start(TwoWitnesses.PLANNED.get(0));
        HttpResponse<String> fromScratch = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + TwoWitnesses.PLANNED.get(0).port() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString("old 0\n\n" + plain(checkpoint(letter))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromScratch.statusCode()).isEqualTo(409);
        assertThat(fromScratch.body().strip()).isEqualTo(String.valueOf(size));

        Signing.signAndConfirm(mail, letter, signer("Walter Witnessed"));
        long grown = awaitSize(letter, size + 1);
        await("the grown log witnessed by both", () -> {
            HttpResponse<String> r = get("/log/" + letter + "/checkpoint/witnessed");
            return r.statusCode() == 200 && sizeOf(r.body()) == grown ? r.body() : null;
        });
    }

    @Test
    void aLogForkedAfterARestoreIsRefusedByTheWitnessesAndRaisesTheAlarm() throws Exception {
        String letter = "forked-letter";
        TwoWitnesses.PLANNED.forEach(this::start);
        Signing.signAndConfirm(mail, letter, signer("Fiona Fork"));
        Signing.signAndConfirm(mail, letter, signer("Felix Fork"));
        long size = awaitSize(letter, 2);
        await("both cosignatures", () -> {
            HttpResponse<String> r = get("/log/" + letter + "/checkpoint/witnessed");
            return r.statusCode() == 200 && sizeOf(r.body()) == size ? r.body() : null;
        });

        // the host restores a backup taken one entry earlier, then goes on: a different tree grows past the witnesses
        restoreTo(letter, size - 1);
        Signing.signAndConfirm(mail, letter, signer("Frank Forked"));
        Signing.signAndConfirm(mail, letter, signer("Flora Forked"));
        long forked = awaitSize(letter, size + 1);

        await("the fork alarm in readiness", () -> readiness().contains("FORK ALARM " + letter) ? "" : null);
        assertThat(metric("undersigned_witness_alarms")).isGreaterThanOrEqualTo(1);
        HttpResponse<String> witnessed = get("/log/" + letter + "/checkpoint/witnessed");
        if (witnessed.statusCode() == 200) {
            assertThat(sizeOf(witnessed.body()))
                    .as("no forked checkpoint is witnessed")
                    .isLessThan(size);
        }
        assertThat(checkpoint(letter))
                .as("the forked checkpoint carries no cosignature")
                .doesNotContain("witness ");
        assertThat(sizeOf(checkpoint(letter))).isGreaterThanOrEqualTo(forked);
        OfflineVerifier.Run verified = OfflineVerifier.verify(
                "--witness",
                TwoWitnesses.PLANNED.get(0).key().format(),
                "--witness",
                TwoWitnesses.PLANNED.get(1).key().format(),
                "http://localhost:" + appPort,
                letter);
        assertThat(verified.output())
                .as("the verifier with witness keys never vouches for the forked tree")
                .doesNotContain("at tree size " + forked + ".")
                .doesNotContain("witnessed tree size " + forked);
        // asked directly, the witnesses' own view shows the fork, whatever the host serves
        OfflineVerifier.Run asked = OfflineVerifier.verify(
                "--witness",
                TwoWitnesses.PLANNED.get(0).key().format(),
                "--witness",
                TwoWitnesses.PLANNED.get(1).key().format(),
                "--ask",
                witnessUrl(0),
                "http://localhost:" + appPort,
                letter);
        assertThat(asked.exit()).as(asked.output()).isEqualTo(1);
        assertThat(asked.output())
                .contains("FAIL FORK: alpha.test/witness cosigned tree size " + size)
                .contains("FAILED: the published count of '" + letter + "' is not confirmed by its log");
        assertThat(browserVerdict(
                        letter,
                        TwoWitnesses.PLANNED.get(0).key().format(),
                        TwoWitnesses.PLANNED.get(1).key().format()))
                .as("the verify page with witness keys never vouches for the forked tree")
                .doesNotContain("at tree size " + forked);
        assertThat(browserVerdict(
                        letter,
                        List.of(witnessUrl(1)),
                        TwoWitnesses.PLANNED.get(0).key().format(),
                        TwoWitnesses.PLANNED.get(1).key().format()))
                .as("the verify page that asks a witness directly fails on the fork")
                .startsWith("Verification FAILED")
                .contains("FORK: beta.test/witness cosigned tree size " + size);
    }

    private static String witnessUrl(int i) {
        return "http://127.0.0.1:" + TwoWitnesses.PLANNED.get(i).port();
    }

    /** The verify page's verdict in Chromium, with witness keys in the address's fragment. */
    private String browserVerdict(String letter, String... witnessKeys) {
        return browserVerdict(letter, List.of(), witnessKeys);
    }

    /** The same, with witnesses the page asks directly for their view (ask= in the fragment). */
    private String browserVerdict(String letter, List<String> ask, String... witnessKeys) {
        StringBuilder fragment = new StringBuilder();
        for (String key : witnessKeys) {
            fragment.append(fragment.isEmpty() ? "#" : "&").append("witness=").append(URLEncoder.encode(key, UTF_8));
        }
        ask.forEach(url -> fragment.append("&ask=").append(URLEncoder.encode(url, UTF_8)));
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate("http://localhost:" + appPort + "/letters/" + letter + "/verify" + fragment);
            Locator verdict = page.locator("#verdict");
            PlaywrightAssertions.assertThat(verdict).not().hasAttribute("data-state", "pending");
            return verdict.textContent();
        }
    }

    // ---- the witnesses -------------------------------------------------------------------------------------------

    private Process start(Planned planned) {
        try {
            Files.createDirectories(planned.dir());
            Files.writeString(
                    planned.dir().resolve("witness.key"), Base64.getEncoder().encodeToString(planned.seed()) + "\n");
            List<String> command = new ArrayList<>(SourcePrograms.command("witness/Witness.java"));
            command.addAll(List.of(
                    "--name",
                    planned.name(),
                    "--dir",
                    planned.dir().toString(),
                    "--listen",
                    "127.0.0.1:" + planned.port(),
                    "--host",
                    "http://localhost:" + appPort));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            running.add(process);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
            assertThat(out.readLine()).isEqualTo("witness key: " + planned.key().format());
            assertThat(out.readLine()).startsWith("listening on");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The profile is read in Quarkus' class loader and the test runs in another, each with its own statics: the port
     * and folder are kept in system properties, which the whole JVM shares, so both see the same witness.
     */
    private static synchronized Planned plan(String name, int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        String key = "undersigned.test.witness." + seed;
        if (System.getProperty(key) == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty(key, socket.getLocalPort() + " " + Files.createTempDirectory("witness-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String[] shared = System.getProperty(key).split(" ", 2);
        return new Planned(name, bytes, Integer.parseInt(shared[0]), Path.of(shared[1]));
    }

    // ---- the host's side -----------------------------------------------------------------------------------------

    /**
     * What a restore from a backup taken at {@code size} does to the log's tables (the append-only triggers are
     * bypassed as a restore would be): every later entry, hash, checkpoint and cosignature is gone.
     */
    private void restoreTo(String letter, long size) throws Exception {
        String id = "(SELECT id FROM letter WHERE slug = '" + letter + "')";
        Superuser.run(
                "SET LOCAL session_replication_role = replica",
                "DELETE FROM log_entry WHERE letter_id = " + id + " AND idx >= " + size,
                "DELETE FROM log_hash WHERE letter_id = " + id + " AND (idx + 1) * power(2, level) > " + size,
                "DELETE FROM log_checkpoint WHERE letter_id = " + id + " AND size > " + size,
                "DELETE FROM log_cosignature WHERE letter_id = " + id + " AND size > " + size,
                "UPDATE log_head SET size = " + size + " WHERE letter_id = " + id);
        Mailbox.sleep(1_000); // the replica's cached head expires
    }

    private long awaitSize(String letter, long atLeast) {
        return Long.parseLong(await("a checkpoint of size " + atLeast, () -> {
            long size = sizeOf(checkpoint(letter));
            return size >= atLeast ? String.valueOf(size) : null;
        }));
    }

    private static String checkpoint(String letter) {
        return given().get("/log/" + letter + "/checkpoint")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The checkpoint with only the log's own signature line, as the host's sequencer signed it. */
    private static String plain(String note) {
        int end = note.indexOf("\n\n");
        String[] signatures = note.substring(end + 2).split("\n");
        return note.substring(0, end + 2) + signatures[0] + "\n";
    }

    private static long sizeOf(String note) {
        return Long.parseLong(note.split("\n")[1]);
    }

    private void assertVerifies(String note, String letter, VerifierKey... witnesses) {
        List<VerifierKey> known = new ArrayList<>(List.of(witnesses));
        known.add(keys.verifier(letter));
        assertThat(Note.open(note, known).signers()).containsExactlyInAnyOrderElementsOf(known);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String readiness() {
        return given().port(managementPort).get("/q/health/ready").asString();
    }

    private double metric(String name) {
        String metrics = given().port(managementPort).get("/q/metrics").asString();
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private static Map<String, String> signer(String name) {
        return Map.of(
                "name",
                name,
                "email",
                Signing.address(name.split(" ")[0].toLowerCase(), "example.org"),
                "listing",
                "public");
    }

    /** Waits for {@code probe} to find something; a failure shows what the service says of its witnesses. */
    private String await(String what, Supplier<String> probe) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String found = probe.get();
            if (found != null) {
                return found;
            }
            Mailbox.sleep(200);
        }
        throw new AssertionError("not within 20 s: " + what + "; readiness: " + readiness());
    }
}
