package org.undersigned.transparency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Signing;
import org.undersigned.support.SourcePrograms;
import org.undersigned.transparency.note.Checkpoint;
import org.undersigned.transparency.note.Cosigner;
import org.undersigned.transparency.note.KeyRotation;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.SignerKey;

/**
 * A key rotation as an operator makes it, with the packaged application run as in production (keys from the
 * environment): started with key 1, restarted with key 2 and key 1 as the previous key. The log records the rotation,
 * a witness that pinned key 1 follows it through the statement (and refuses a key without one), both verifiers follow
 * it from either key, and a start with a third key but without the second fails, naming what is missing.
 */
class KeyRotationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LETTER = "witnessed-letter";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int appPort = freePort();
    private final int witnessPort = freePort();
    private final String host = "localhost:" + appPort;
    private final String origin = host + "/log/" + LETTER;
    private final byte[] witnessSeed = seed();
    private final String witnessKey = Cosigner.fromSeed("rotation.test/witness", witnessSeed)
            .verifierKey()
            .format();
    private final List<Process> running = new ArrayList<>();
    private GreenMail mail;

    @AfterEach
    void stop() throws InterruptedException {
        running.forEach(Process::destroy);
        for (Process p : running) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly(); // nothing may outlive the test, even a process stuck on its way down
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aRotatedLogKeyIsFollowedByWitnessesAndVerifiersThroughItsStatement() throws Exception {
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        RestAssured.port = appPort;
        byte[] one = seed(), two = seed();
        String keyOne = SignerKey.fromSeed(origin, one).verifierKey().format();
        String keyTwo = SignerKey.fromSeed(origin, two).verifierKey().format();

        Process app = startApp(one, null, "1");
        startWitness();
        Signing.signAndConfirm(mail, LETTER, signer("Rhea Rotation"));
        String before = await("the witness's cosignature under key 1", () -> {
            String note = get("/log/" + LETTER + "/checkpoint");
            return note.contains("\u2014 rotation.test/witness ") && size(note) >= 1 ? note : null;
        });
        assertThat(keysOf(get("/.well-known/undersigned/keys"))).containsExactly(keyOne);
        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = startApp(two, one, "2");
        // the new key is listed from the checkpoint it first signs, once the sequencer has logged the rotation
        assertThat(await("the rotation logged", () -> {
                    List<String> listed = keysOf(get("/.well-known/undersigned/keys"));
                    return listed.size() > 1 ? listed : null;
                }))
                .as("the keys file lists both keys of the log, oldest first")
                .containsExactly(keyOne, keyTwo);
        String rotations = get("/log/" + LETTER + "/key-rotations");
        assertThat(rotations).contains("\"index\":" + size(before));
        Signing.signAndConfirm(mail, LETTER, signer("Remy Rotation"));
        String after = await("the witness's cosignature under key 2", () -> {
            String note = get("/log/" + LETTER + "/checkpoint");
            return note.contains("\u2014 rotation.test/witness ") && size(note) >= size(before) + 2 ? note : null;
        });
        assertThat(Note.open(after, List.of(SignerKey.fromSeed(origin, two).verifierKey()))
                        .text())
                .as("signed by the new key")
                .startsWith(origin + "\n");
        String statement = io.restassured.path.json.JsonPath.from(rotations).getString("rotations[0].statement");
        assertThat(KeyRotation.open(statement, SignerKey.fromSeed(origin, one).verifierKey())
                        .to()
                        .format())
                .isEqualTo(keyTwo);

        for (String[] args : List.<String[]>of(
                new String[] {}, new String[] {"--key", keyOne}, new String[] {"--key", keyTwo}, new String[] {
                    "--witness", witnessKey, "--ask", "http://127.0.0.1:" + witnessPort
                })) {
            List<String> command = new ArrayList<>(List.of(args));
            command.addAll(List.of("http://" + host, LETTER));
            OfflineVerifier.Run run = OfflineVerifier.verify(command.toArray(String[]::new));
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("the log's key rotated from " + keyOne.split("\\+")[1] + " to " + keyTwo.split("\\+")[1])
                    .contains("the 1 key rotations served are entries of the log, and the checkpoint is signed by"
                            + " the key in effect at its size");
        }
        assertThat(browserVerdict())
                .startsWith("Verified: 2 signatures")
                .contains("(key " + keyTwo.split("\\+")[1] + ")");

        // a key that no statement from the pinned key names is refused by the witness
        byte[] stranger = seed();
        String forged = Note.sign(Note.parse(after).text(), SignerKey.fromSeed(origin, stranger))
                .format();
        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witnessPort + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString("old " + size(after) + "\n\n" + forged))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

        // a third key without the second's private half: the log cannot rotate, and the start says why
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Process third = launch(stranger, null, "3");
        assertThat(third.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(third.exitValue()).isNotZero();
        assertThat(Files.readString(Path.of("target", "key-rotation-app-3.log")))
                .contains("The log key cannot rotate")
                .contains("the log of '" + LETTER + "' is signed by " + keyTwo)
                .contains("UNDERSIGNED_LOG_PREVIOUS_PRIVATE_KEYS");
    }

    private Process startApp(byte[] key, byte[] previous, String run) throws Exception {
        Process app = launch(key, previous, run);
        await("the application to answer (run " + run + ")", () -> {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + host + "/api/letters"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? r.body() : null;
            } catch (IOException e) {
                if (!app.isAlive()) {
                    throw new IllegalStateException(
                            "the application stopped: see target/key-rotation-app-" + run + ".log");
                }
                return null;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return app;
    }

    /** The packaged application with production settings: every secret from the environment, none generated. */
    private Process launch(byte[] key, byte[] previous, String run) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("undersigned.test.jdbc-url"),
                "QUARKUS_DATASOURCE_USERNAME", System.getProperty("undersigned.test.username"),
                "QUARKUS_DATASOURCE_PASSWORD", System.getProperty("undersigned.test.password"),
                "QUARKUS_FLYWAY_USERNAME", System.getProperty("undersigned.test.owner"),
                "QUARKUS_FLYWAY_PASSWORD", System.getProperty("undersigned.test.owner-password"),
                "UNDERSIGNED_LOG_PRIVATE_KEY", base64(key),
                "UNDERSIGNED_ORGANISERS_PRIVATE_KEY", base64(FIXED_ORGANISERS),
                "UNDERSIGNED_ATTESTATIONS_PRIVATE_KEY", base64(FIXED_ATTESTATIONS),
                "UNDERSIGNED_SIGNATURES_PEPPER", base64(FIXED_PEPPER),
                "UNDERSIGNED_CONTENT_DIR",
                        Path.of("target", "test-content").toAbsolutePath().toString()));
        env.putAll(Map.of(
                "PORT",
                String.valueOf(appPort),
                "QUARKUS_MANAGEMENT_PORT",
                "0", // unused here: any port the system gives (a port found free earlier can be taken meanwhile)
                "UNDERSIGNED_PUBLIC_URL",
                "http://" + host,
                "QUARKUS_MAILER_HOST",
                "127.0.0.1",
                "QUARKUS_MAILER_PORT",
                String.valueOf(mail.getSmtp().getPort()),
                "QUARKUS_MAILER_START_TLS",
                "DISABLED",
                "UNDERSIGNED_WITNESSES",
                witnessKey + " http://127.0.0.1:" + witnessPort));
        if (previous != null) {
            env.put("UNDERSIGNED_LOG_PREVIOUS_PRIVATE_KEYS", base64(previous));
        }
        ProcessBuilder builder = new ProcessBuilder(
                        javaBin(),
                        "-jar",
                        System.getProperty("undersigned.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "key-rotation-app-" + run + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        running.add(process);
        return process;
    }

    private void startWitness() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "rotation-witness");
        Files.writeString(dir.resolve("witness.key"), base64(witnessSeed) + "\n");
        List<String> command = new ArrayList<>(SourcePrograms.command("witness/Witness.java"));
        command.addAll(List.of(
                "--name",
                "rotation.test/witness",
                "--dir",
                dir.toString(),
                "--listen",
                "127.0.0.1:" + witnessPort,
                "--host",
                "http://" + host));
        Process witness = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        running.add(witness);
        BufferedReader out = new BufferedReader(new InputStreamReader(witness.getInputStream(), UTF_8));
        assertThat(out.readLine()).isEqualTo("witness key: " + witnessKey);
        Thread echo = new Thread(() -> out.lines().forEach(System.out::println));
        echo.setDaemon(true);
        echo.start();
    }

    private String browserVerdict() {
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate("http://" + host + "/letters/" + LETTER + "/verify");
            Locator verdict = page.locator("#verdict");
            PlaywrightAssertions.assertThat(verdict).not().hasAttribute("data-state", "pending");
            return verdict.textContent();
        }
    }

    private static List<String> keysOf(String keysFile) {
        return keysFile.lines().filter(l -> l.contains("/log/" + LETTER + "+")).toList();
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(String note) {
        return Checkpoint.parse(Note.parse(note).text()).size();
    }

    private static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
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

    private static final byte[] FIXED_ORGANISERS = seed();
    private static final byte[] FIXED_ATTESTATIONS = seed();
    private static final byte[] FIXED_PEPPER = seed();

    private static byte[] seed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return seed;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
