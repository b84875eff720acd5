package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.merkle.ReferenceTree.hex;
import static org.undersigned.transparency.merkle.ReferenceTree.sha256;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashesTest {

    @Test
    void leafHashIsSha256OfZeroByteThenEntry() {
        // RFC 6962 reference: the leaf hash of the empty entry, also the root of the one-leaf tree.
        assertThat(hex(Hashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] entry = "entry".getBytes(StandardCharsets.UTF_8);
        assertThat(Hashes.leafHash(entry)).isEqualTo(sha256(new byte[] {0x00}, entry));
    }

    @Test
    void nodeHashIsSha256OfOneByteThenLeftThenRight() {
        byte[] left = Hashes.leafHash(new byte[] {1});
        byte[] right = Hashes.leafHash(new byte[] {2});
        assertThat(Hashes.nodeHash(left, right)).isEqualTo(sha256(new byte[] {0x01}, left, right));
        assertThat(Hashes.nodeHash(left, right)).isNotEqualTo(Hashes.nodeHash(right, left));
    }

    @Test
    void emptyTreeHashIsSha256OfNothing() {
        assertThat(hex(Hashes.emptyTreeHash()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hashes.treeHash(List.of())).isEqualTo(Hashes.emptyTreeHash());
    }

    @Test
    void nodeHashRefusesAnythingButTwo32ByteHashes() {
        assertThatThrownBy(() -> Hashes.nodeHash(new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashes.nodeHash(new byte[32], new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashes.treeHash(List.of(new byte[32], new byte[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treeHashSplitsAtTheLargestPowerOfTwoBelowTheSize() {
        byte[] a = Hashes.leafHash(new byte[] {'a'});
        byte[] b = Hashes.leafHash(new byte[] {'b'});
        byte[] c = Hashes.leafHash(new byte[] {'c'});
        assertThat(Hashes.treeHash(List.of(a))).isEqualTo(a);
        assertThat(Hashes.treeHash(List.of(a, b, c))).isEqualTo(Hashes.nodeHash(Hashes.nodeHash(a, b), c));
    }
}
