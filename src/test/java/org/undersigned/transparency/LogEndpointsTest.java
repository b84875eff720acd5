package org.undersigned.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.ProofVerifier;
import org.undersigned.transparency.note.Checkpoint;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.VerifiedNote;
import org.undersigned.transparency.note.VerifierKey;

/** The public log through its HTTP contract: keys, signed checkpoints, entry bundles, proofs and receipts. */
@QuarkusTest
class LogEndpointsTest {

    static final String LETTER = "hostile-markdown";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void everyConfirmedSignatureIsProvablyInASignedCheckpoint() throws Exception {
        String email = unique();
        String id = signAndConfirm("Logged Person", email, "public");
        Counted.settle(log);

        VerifiedNote note = Note.open(checkpointText(), List.of(verifierKey()));
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        assertThat(checkpoint.origin()).isEqualTo("localhost:" + port() + "/log/" + LETTER);
        List<String> entries = entries(checkpoint.size());
        assertThat(entries).hasSize((int) checkpoint.size());

        for (int i = 0; i < entries.size(); i++) {
            List<byte[]> proof = given()
                    .get("/log/" + LETTER + "/proof/inclusion?index=" + i + "&size=" + checkpoint.size())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("proof", String.class)
                    .stream()
                    .map(Base64.getDecoder()::decode)
                    .toList();
            ProofVerifier.verifyInclusion(
                    i, checkpoint.size(), Hashes.leafHash(utf8(entries.get(i))), proof, checkpoint.rootHash());
        }
        String mine = entries.stream()
                .filter(e -> e.contains("\"type\":\"signature\""))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(mine)
                .startsWith("{\"evidence\":[\"email\",\"self\"],\"letter\":\"" + LETTER + "\"")
                .contains("\"listing\":\"")
                .contains("\"v\":1")
                .doesNotContain("Logged Person")
                .doesNotContain("@");

        given().get("/api/letters/" + LETTER + "/count")
                .then()
                .body("checkpoint.size", Matchers.equalTo((int) checkpoint.size()))
                .body("checkpoint.rootHash", Matchers.equalTo(b64(checkpoint.rootHash())));
        given().get("/api/signatures/" + id).then().body("receipt", containsString("/receipt"));
    }

    @Test
    void aReceiptIsAVerifiableTlogProof() throws Exception {
        String id = signAndConfirm("Receipt Holder", unique(), "private");
        Counted.settle(log);
        String receipt = given().get("/api/signatures/" + id + "/receipt")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .extract()
                .asString();

        String[] parts = receipt.split("\n\n", 2);
        List<String> lines = List.of(parts[0].split("\n"));
        assertThat(lines.get(0)).isEqualTo("c2sp.org/tlog-proof@v1");
        assertThat(lines.get(1)).startsWith("extra ");
        assertThat(lines.get(2)).startsWith("index ");
        byte[] entry = Base64.getDecoder().decode(lines.get(1).substring("extra ".length()));
        long index = Long.parseLong(lines.get(2).substring("index ".length()));
        List<byte[]> proof = lines.subList(3, lines.size()).stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        VerifiedNote note = Note.open(parts[1], List.of(verifierKey()));
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        ProofVerifier.verifyInclusion(index, checkpoint.size(), Hashes.leafHash(entry), proof, checkpoint.rootHash());
        assertThat(new String(entry, StandardCharsets.UTF_8))
                .contains("\"type\":\"signature\"")
                .doesNotContain("\"listing\"")
                .doesNotContain("Receipt Holder");
    }

    @Test
    void laterCheckpointsAreConsistentWithEarlierOnes() throws Exception {
        signAndConfirm("First Of Two", unique(), "public");
        Counted.settle(log);
        Checkpoint before = Checkpoint.parse(
                Note.open(checkpointText(), List.of(verifierKey())).text());
        signAndConfirm("Second Of Two", unique(), "public");
        Counted.settle(log);
        Checkpoint after = Checkpoint.parse(
                Note.open(checkpointText(), List.of(verifierKey())).text());
        assertThat(after.size()).isGreaterThan(before.size());

        List<byte[]> proof = given()
                .get("/log/" + LETTER + "/proof/consistency?from=" + before.size() + "&to=" + after.size())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("proof", String.class)
                .stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        ProofVerifier.verifyConsistency(before.size(), after.size(), proof, before.rootHash(), after.rootHash());
    }

    @Test
    void erasingAWithdrawnSignerLeavesTheLogVerifiable() throws Exception {
        String email = unique();
        signAndConfirm("Erased Later", email, "public");
        String withdraw = Mailbox.link(Mailbox.await(mail, email, 2), "/withdraw/");
        FormSession.open(withdraw)
                .post()
                .formParam("erase", "yes")
                .post(withdraw)
                .then()
                .statusCode(200);
        Counted.settle(log);

        Checkpoint checkpoint = Checkpoint.parse(
                Note.open(checkpointText(), List.of(verifierKey())).text());
        List<String> entries = entries(checkpoint.size());
        assertThat(entries.get(entries.size() - 1)).contains("\"type\":\"withdrawal\"");
        List<byte[]> leaves =
                entries.stream().map(e -> Hashes.leafHash(utf8(e))).toList();
        assertThat(Hashes.treeHash(leaves)).isEqualTo(checkpoint.rootHash());
        assertThat(String.join("\n", entries)).doesNotContain("Erased Later");
    }

    @Test
    void theLogsAnswersTellTheirServerTime() {
        given().get("/log/" + LETTER + "/checkpoint")
                .then()
                .statusCode(200)
                .header("Server-Timing", Matchers.matchesPattern("app;dur=[0-9]+\\.[0-9]{3}"));
        given().get("/api/letters/" + LETTER + "/count").then().header("Server-Timing", Matchers.nullValue());
    }

    @Test
    void badRequestsGetClearErrors() {
        given().get("/log/no-such-letter/checkpoint").then().statusCode(404).contentType("application/problem+json");
        given().get("/log/" + LETTER + "/tile/0/x1").then().statusCode(404);
        given().get("/log/" + LETTER + "/tile/0/999").then().statusCode(404);
        given().get("/log/" + LETTER + "/proof/inclusion?index=5&size=2")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/log/" + LETTER + "/proof/inclusion").then().statusCode(400);
        given().get("/log/" + LETTER + "/proof/consistency?from=0&to=1").then().statusCode(400);
        given().get("/api/signatures/" + UUID.randomUUID() + "/receipt").then().statusCode(404);
    }

    @Test
    void verifierKeysListOneKeyPerLetterOrigin() {
        String keys = given().get("/.well-known/undersigned/keys")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .extract()
                .asString();
        for (String line : keys.split("\n")) {
            VerifierKey key = VerifierKey.parse(line);
            assertThat(key.name()).startsWith("localhost:" + port() + "/log/");
        }
        assertThat(keys).contains("/log/" + LETTER + "+").doesNotContain("/log/draft-letter+");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static int port() {
        return RestAssured.port;
    }

    static String unique() {
        return "log-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String checkpointText() {
        return given().get("/log/" + LETTER + "/checkpoint")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static VerifierKey verifierKey() {
        String keys =
                given().get("/.well-known/undersigned/keys").then().extract().asString();
        return keys.lines()
                .map(VerifierKey::parse)
                .filter(k -> k.name().endsWith("/log/" + LETTER))
                .findFirst()
                .orElseThrow();
    }

    /** Every entry of the log at {@code size}, from the entry bundles (C2SP tlog-tiles). */
    static List<String> entries(long size) {
        List<String> out = new ArrayList<>();
        for (long n = 0; n * 256 < size; n++) {
            long width = Math.min(256, size - n * 256);
            String path =
                    "/log/" + LETTER + "/tile/entries/" + String.format("%03d", n) + (width < 256 ? ".p/" + width : "");
            byte[] bundle = given().get(path).then().statusCode(200).extract().asByteArray();
            for (int i = 0; i < bundle.length; ) {
                int len = ((bundle[i] & 0xff) << 8) | (bundle[i + 1] & 0xff);
                out.add(new String(bundle, i + 2, len, StandardCharsets.UTF_8));
                i += 2 + len;
            }
        }
        return out;
    }

    String signAndConfirm(String name, String email, String listing) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "organisation", "Log Lab", "listing", listing))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
        return id;
    }
}
