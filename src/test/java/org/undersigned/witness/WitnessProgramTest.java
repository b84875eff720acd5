package org.undersigned.witness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.Proofs;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.NoteSignature;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;

/**
 * The witness anyone can run (witness/Witness.java), as real JDK processes following a host: every status code of
 * C2SP tlog-witness add-checkpoint, cosignatures that verify with the key it prints, state that survives a restart,
 * and a changed log key that is refused.
 */
class WitnessProgramTest {

    private static final String ORIGIN = "letters.test/log/witnessed";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SignerKey log = SignerKey.fromSeed(ORIGIN, seed(1));
    private final List<byte[]> leaves = leaves("entry", 40);
    private final AtomicReference<String> hostKeys = new AtomicReference<>();
    private final List<Process> processes = new ArrayList<>();
    private HttpServer host;
    private Path dir;

    @BeforeEach
    void host() throws Exception {
        dir = Files.createTempDirectory("witness-test");
        hostKeys.set(log.verifierKey().format() + "\nletters.test/log/other+00000000+AQ==\n");
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        host.createContext("/.well-known/undersigned/keys", exchange -> {
            byte[] body = hostKeys.get().getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        host.stop(0);
    }

    @Test
    void aWitnessAnswersEveryStatusOfTheSpecAndCosignsOnlyAConsistentLog() throws Exception {
        Started w1 = start("w1.test/witness", dir.resolve("w1"));

        // 404: an origin the followed host does not list
        SignerKey stranger = SignerKey.fromSeed("letters.test/log/nobody", seed(2));
        assertThat(submit(w1, 0, List.of(), checkpoint(stranger, 4, root(leaves, 4)))
                        .statusCode())
                .isEqualTo(404);
        // 403: the origin is known but no signature by its key verifies
        SignerKey impostor = SignerKey.fromSeed(ORIGIN, seed(3));
        assertThat(submit(w1, 0, List.of(), checkpoint(impostor, 4, root(leaves, 4)))
                        .statusCode())
                .isEqualTo(403);
        // 400: an old size larger than the checkpoint's, and a body that is no submission
        assertThat(submit(w1, 9, List.of(), checkpoint(log, 4, root(leaves, 4))).statusCode())
                .isEqualTo(400);
        assertThat(post(w1, "old 01\n\n" + checkpoint(log, 4, root(leaves, 4))).statusCode())
                .isEqualTo(400);

        assertThat(latest(w1, ORIGIN).statusCode())
                .as("nothing cosigned yet for the origin")
                .isEqualTo(404);

        // 200: the first checkpoint, then a consistent larger one; each cosignature verifies with the printed key
        String first = checkpoint(log, 4, root(leaves, 4));
        HttpResponse<String> ok = submit(w1, 0, List.of(), first);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertCosigned(first, ok.body(), w1.key());
        String second = checkpoint(log, 13, root(leaves, 13));
        HttpResponse<String> grown = submit(w1, 4, proof(leaves, 4, 13), second);
        assertThat(grown.statusCode()).isEqualTo(200);
        assertCosigned(second, grown.body(), w1.key());

        // 409 with the witness's size: a stale old size, and the same size with another root
        HttpResponse<String> stale = submit(w1, 4, proof(leaves, 4, 20), checkpoint(log, 20, root(leaves, 20)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("13\n");
        List<byte[]> fork = leaves("forked", 40);
        assertThat(submit(w1, 13, List.of(), checkpoint(log, 13, root(fork, 13)))
                        .statusCode())
                .isEqualTo(409);

        // 422: a larger tree whose proof does not lead from what the witness cosigned (a fork, or a bad proof)
        List<byte[]> grownFork = new ArrayList<>(leaves.subList(0, 10));
        grownFork.addAll(fork.subList(10, 40));
        assertThat(submit(w1, 13, proof(grownFork, 13, 30), checkpoint(log, 30, root(grownFork, 30)))
                        .statusCode())
                .isEqualTo(422);
        assertThat(submit(w1, 13, proof(leaves, 13, 30), checkpoint(log, 31, root(leaves, 31)))
                        .statusCode())
                .isEqualTo(422);

        // its own view, asked of it directly: the latest checkpoint it cosigned, signed by the log and cosigned by it
        HttpResponse<String> view = latest(w1, ORIGIN);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(view.body()).startsWith(second);
        assertThat(Note.open(view.body(), List.of(log.verifierKey(), w1.key())).signers())
                .containsExactlyInAnyOrder(log.verifierKey(), w1.key());

        // a restart keeps the state: the witness still holds 13 and never rolls back
        w1.process().destroy();
        assertThat(w1.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Started again = start("w1.test/witness", dir.resolve("w1"));
        assertThat(again.key()).isEqualTo(w1.key()); // the same key from its directory
        assertThat(latest(again, ORIGIN).body()).isEqualTo(view.body());
        HttpResponse<String> after = submit(again, 0, List.of(), first);
        assertThat(after.statusCode()).isEqualTo(409);
        assertThat(after.body()).isEqualTo("13\n");
        assertThat(submit(again, 13, proof(leaves, 13, 30), checkpoint(log, 30, root(leaves, 30)))
                        .statusCode())
                .isEqualTo(200);

        // a second witness keeps its own state, from zero
        Started w2 = start("w2.test/witness", dir.resolve("w2"));
        assertThat(w2.key()).isNotEqualTo(again.key());
        String latest = checkpoint(log, 30, root(leaves, 30));
        HttpResponse<String> fresh = submit(w2, 0, List.of(), latest);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertCosigned(latest, fresh.body(), w2.key());
    }

    @Test
    void aKeyTheHostChangesForAKnownOriginIsRefused() throws Exception {
        Started w = start("w3.test/witness", dir.resolve("w3"));
        assertThat(submit(w, 0, List.of(), checkpoint(log, 4, root(leaves, 4))).statusCode())
                .isEqualTo(200);
        SignerKey replaced = SignerKey.fromSeed(ORIGIN, seed(4));
        hostKeys.set(replaced.verifierKey().format() + "\n");
        Thread.sleep(100);
        // the pinned key stays: a checkpoint under the host's new key is not cosigned
        assertThat(submit(w, 4, proof(leaves, 4, 8), checkpoint(replaced, 8, root(leaves, 8)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(submit(w, 4, proof(leaves, 4, 8), checkpoint(log, 8, root(leaves, 8)))
                        .statusCode())
                .isEqualTo(200);
    }

    record Started(Process process, int port, VerifierKey key) {}

    private Started start(String name, Path state) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "witness/Witness.java",
                        "--name",
                        name,
                        "--dir",
                        state.toString(),
                        "--listen",
                        "127.0.0.1:" + port,
                        "--host",
                        "http://127.0.0.1:" + host.getAddress().getPort())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        String keyLine = out.readLine();
        assertThat(keyLine).as("the witness prints its key").startsWith("witness key: ");
        assertThat(out.readLine()).startsWith("listening on");
        VerifierKey key = VerifierKey.parse(keyLine.substring("witness key: ".length()));
        assertThat(key.cosigner()).isTrue();
        assertThat(key.name()).isEqualTo(name);
        return new Started(process, port, key);
    }

    private static HttpResponse<String> submit(Started w, long old, List<byte[]> proof, String checkpoint)
            throws Exception {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(h -> body.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return post(w, body.append('\n').append(checkpoint).toString());
    }

    private static HttpResponse<String> post(Started w, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> latest(Started w, String origin) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port() + "/checkpoint?origin="
                                + URLEncoder.encode(origin, UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCosigned(String checkpoint, String lines, VerifierKey witness) {
        assertThat(lines).startsWith("\u2014 " + witness.name() + " ").endsWith("\n");
        String note = checkpoint + lines;
        assertThat(Note.open(note, List.of(witness)).signers()).containsExactly(witness);
    }

    /** A checkpoint note signed by {@code key}: origin, size, base64 root, blank line, signature line. */
    private static String checkpoint(SignerKey key, long size, byte[] root) {
        String text = key.name() + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        return text + "\n" + new NoteSignature(key.name(), key.id(), key.sign(text.getBytes(UTF_8))).format() + "\n";
    }

    private static byte[] root(List<byte[]> leafHashes, int size) {
        return Hashes.treeHash(leafHashes.subList(0, size));
    }

    private static List<byte[]> proof(List<byte[]> leafHashes, long from, long to) {
        HashReader reader = ids -> ids.stream()
                .map(id -> Hashes.treeHash(leafHashes.subList((int) id.firstLeaf(), (int) id.endLeaf())))
                .toList();
        return Proofs.consistencyProof(from, to, reader);
    }

    private static List<byte[]> leaves(String prefix, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Hashes.leafHash((prefix + i).getBytes(UTF_8)));
        }
        return out;
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        new Random(n).nextBytes(seed);
        return seed;
    }
}
