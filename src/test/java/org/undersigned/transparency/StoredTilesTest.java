package org.undersigned.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.support.Counted;
import org.undersigned.support.Superuser;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.ProofVerifier;

/**
 * Full tiles and bundles are stored by the sequencer when they fill up, and served from that copy: what a verifier
 * downloads must be exactly what the entries and their hashes say, full or partial.
 */
@QuarkusTest
class StoredTilesTest {

    static final String LETTER = "tile-letter";
    static final int ENTRIES = 600; // two full bundles and level-0 tiles, then a partial one of 88

    @Inject
    TransparencyLog log;

    @Inject
    LetterService letters;

    @Inject
    EntryRepository entryRepository;

    @Inject
    EntityManager em;

    @Test
    void fullTilesAreStoredOnceFullAndServeExactlyTheEntriesAndTheirHashes() throws Exception {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        for (int from = 0; from < ENTRIES; from += 100) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = first; i < first + 100; i++) {
                    log.append(
                            letterId,
                            LogEntries.withdrawal(LETTER, Instant.now(), String.format("%064x", i)),
                            null,
                            null);
                }
            });
            Counted.settle(log); // several sequencer batches, so tiles fill up across them
        }
        List<byte[]> entries =
                QuarkusTransaction.requiringNew().call(() -> entryRepository.range(letterId, 0, ENTRIES)).stream()
                        .map(e -> e.entry().getBytes(StandardCharsets.UTF_8))
                        .toList();
        assertThat(entries).hasSize(ENTRIES);

        assertThat(stored(letterId))
                .containsExactlyInAnyOrder("tile/entries/000", "tile/entries/001", "tile/0/000", "tile/0/001");
        for (int n = 0; n < 3; n++) {
            int width = Math.min(256, ENTRIES - n * 256);
            String suffix = width < 256 ? ".p/" + width : "";
            List<byte[]> slice = entries.subList(n * 256, n * 256 + width);
            assertThat(tile("entries/00" + n + suffix)).isEqualTo(bundle(slice));
            assertThat(tile("0/00" + n + suffix)).isEqualTo(leafHashes(slice));
        }
        // served twice (the second from the replica's cache), the same bytes
        assertThat(tile("0/001")).isEqualTo(leafHashes(entries.subList(256, 512)));

        // proofs take their lowest hashes from the stored tiles: they still verify against the entries' root
        List<byte[]> leaves = entries.stream().map(Hashes::leafHash).toList();
        byte[] root = Hashes.treeHash(leaves);
        for (int index : new int[] {0, 1, 255, 256, 300, 511, 512, 599}) {
            List<byte[]> proof = given()
                    .get("/log/" + LETTER + "/proof/inclusion?index=" + index + "&size=" + ENTRIES)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("proof", String.class)
                    .stream()
                    .map(Base64.getDecoder()::decode)
                    .toList();
            ProofVerifier.verifyInclusion(index, ENTRIES, leaves.get(index), proof, root);
        }
        List<byte[]> consistency = given()
                .get("/log/" + LETTER + "/proof/consistency?from=300&to=" + ENTRIES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("proof", String.class)
                .stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        ProofVerifier.verifyConsistency(300, ENTRIES, consistency, Hashes.treeHash(leaves.subList(0, 300)), root);

        // stored tiles are part of the log: append-only, even for the tables' owner (the application's own role
        // may not even try: DatabaseRolesTest)
        try (Connection owner = Superuser.owner();
                Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE log_tile SET data = data WHERE letter_id = " + letterId))
                    .hasMessageContaining("append-only: UPDATE on log_tile refused");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE log_tile"))
                    .hasMessageContaining("append-only: TRUNCATE on log_tile refused");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> stored(long letterId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT path FROM log_tile WHERE letter_id = :letter")
                        .setParameter("letter", letterId)
                        .getResultList());
    }

    private static byte[] tile(String path) {
        return given().get("/log/" + LETTER + "/tile/" + path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private static byte[] bundle(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            out.write(e.length >> 8);
            out.write(e.length & 0xff);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    private static byte[] leafHashes(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> hashes = new ArrayList<>();
        entries.forEach(e -> hashes.add(Hashes.leafHash(e)));
        hashes.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
