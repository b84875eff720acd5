package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.merkle.ReferenceTree.hex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The transparency-dev RFC 6962 vectors (src/test/resources/vectors/rfc6962, see its README): every valid one
 * verifies and every {@code wantErr} one is rejected; the valid proofs are the ones this code produces.
 */
class Rfc6962VectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The README's eight leaf inputs, and the roots of their first 1..8 leaves from the RFC 6962 reference tests. */
    private static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsOfTheReadmeLeavesMatchTheRfc6962ReferenceRoots() {
        List<byte[]> leafHashes = leafHashes();
        for (int n = 1; n <= 8; n++) {
            assertThat(hex(Hashes.treeHash(leafHashes.subList(0, n))))
                    .as("size %d", n)
                    .isEqualTo(ROOTS.get(n - 1));
            assertThat(hex(StoredTree.treeHash(n, store()))).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyInclusionVectorVerifiesOrIsRejectedAsItWants() throws IOException {
        List<Path> files = vectors("inclusion");
        assertThat(files).hasSize(98);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode v = JSON.readTree(file.toFile());
                    expect(
                            v,
                            () -> ProofVerifier.verifyInclusion(
                                    uint64(v, "leafIdx"),
                                    uint64(v, "treeSize"),
                                    bytes(v, "leafHash"),
                                    proof(v),
                                    bytes(v, "root")));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyConsistencyVectorVerifiesOrIsRejectedAsItWants() throws IOException {
        List<Path> files = vectors("consistency");
        assertThat(files).hasSize(98);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode v = JSON.readTree(file.toFile());
                    expect(
                            v,
                            () -> ProofVerifier.verifyConsistency(
                                    uint64(v, "size1"),
                                    uint64(v, "size2"),
                                    proof(v),
                                    bytes(v, "root1"),
                                    bytes(v, "root2")));
                }));
    }

    @Test
    void theHappyPathProofsAreTheOnesThisCodeProducesForTheReadmeLeaves() throws IOException {
        int checked = 0;
        for (Path file : vectors("")) {
            if (!file.getFileName().toString().equals("happy-path.json")) {
                continue;
            }
            JsonNode v = JSON.readTree(file.toFile());
            List<byte[]> produced = file.toString().contains("inclusion")
                    ? Proofs.inclusionProof(uint64(v, "leafIdx"), uint64(v, "treeSize"), store())
                    : Proofs.consistencyProof(uint64(v, "size1"), uint64(v, "size2"), store());
            assertThat(hex(produced)).as(name(file)).isEqualTo(hex(proof(v)));
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }

    private static void expect(JsonNode vector, ThrowingCallable verification) {
        if (vector.get("wantErr").asBoolean()) {
            assertThatThrownBy(verification).as(vector.get("desc").asText()).isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(verification).as(vector.get("desc").asText()).doesNotThrowAnyException();
        }
    }

    private static List<byte[]> leafHashes() {
        return LEAVES.stream()
                .map(h -> Hashes.leafHash(HexFormat.of().parseHex(h)))
                .toList();
    }

    /** The stored complete subtrees of the eight-leaf tree. */
    private static HashReader store() {
        List<byte[]> leafHashes = leafHashes();
        return ids -> ids.stream()
                .map(id -> Hashes.treeHash(leafHashes.subList((int) id.firstLeaf(), (int) id.endLeaf())))
                .toList();
    }

    private static List<Path> vectors(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve(kind))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path root() {
        try {
            return Path.of(
                    Rfc6962VectorsTest.class.getResource("/vectors/rfc6962").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Path file) {
        return root().relativize(file).toString();
    }

    /** The vectors hold uint64 values; one beyond a long becomes negative, which a verifier must reject too. */
    private static long uint64(JsonNode vector, String field) {
        return vector.get(field).bigIntegerValue().longValue();
    }

    private static byte[] bytes(JsonNode vector, String field) {
        return Base64.getDecoder().decode(vector.get(field).asText());
    }

    /** Go writes a nil proof as null. */
    private static List<byte[]> proof(JsonNode vector) {
        List<byte[]> proof = new ArrayList<>();
        vector.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        return proof;
    }
}
