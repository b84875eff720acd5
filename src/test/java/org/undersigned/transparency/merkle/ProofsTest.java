package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.merkle.ReferenceTree.hex;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proofs from stored hashes against the RFC 9162 recursive definitions, for every tree size up to 300. */
class ProofsTest {

    private static final int MAX_SIZE = 300;
    private static final ReferenceTree TREE = ReferenceTree.withLeaves(MAX_SIZE);
    private static final byte[] OTHER_LEAF = ReferenceTree.sha256(new byte[] {0x00, 'x'});

    @Test
    void inclusionProofsEqualTheRecursivePathAndVerifyForEveryLeafOfEverySizeUpTo300() throws Exception {
        for (int n = 1; n <= MAX_SIZE; n++) {
            byte[] root = TREE.mth(0, n);
            for (int i = 0; i < n; i++) {
                List<List<NodeId>> calls = new ArrayList<>();
                List<byte[]> proof = Proofs.inclusionProof(i, n, TREE.storeOfSize(n, calls));

                assertThat(hex(proof)).as("PATH(%d, D[%d])", i, n).isEqualTo(hex(TREE.path(i, n)));
                assertReadLogarithmically(calls, n);
                ProofVerifier.verifyInclusion(i, n, TREE.mth(i, i + 1), proof, root);
            }
        }
    }

    @Test
    void consistencyProofsEqualTheRecursiveSubproofAndVerifyForEveryPairOfSizesUpTo300() throws Exception {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 1; m <= n; m++) {
                List<List<NodeId>> calls = new ArrayList<>();
                List<byte[]> proof = Proofs.consistencyProof(m, n, TREE.storeOfSize(n, calls));

                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hex(TREE.proof(m, n)));
                assertReadLogarithmically(calls, n);
                ProofVerifier.verifyConsistency(m, n, proof, TREE.mth(0, m), TREE.mth(0, n));
            }
        }
    }

    @Test
    void inclusionProofsFailForAnotherLeafIndexOrAnyAlteredHash() {
        for (int n = 1; n <= 64; n++) {
            for (int i = 0; i < n; i++) {
                assertInclusionAlterationsFail(i, n);
            }
        }
    }

    @Test
    void consistencyProofsFailForAnotherOldRootOrAnyAlteredHash() {
        for (int n = 2; n <= 64; n++) {
            for (int m = 1; m < n; m++) {
                assertConsistencyAlterationsFail(m, n);
            }
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        HashReader nothing = ids -> {
            throw new AssertionError("no read expected");
        };
        assertThatThrownBy(() -> Proofs.inclusionProof(5, 5, nothing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.inclusionProof(-1, 5, nothing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistencyProof(0, 5, nothing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistencyProof(6, 5, nothing)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Proofs.consistencyProof(5, 5, nothing)).isEmpty();
        assertThat(Proofs.inclusionProof(0, 1, nothing)).isEmpty();
    }

    @Test
    void aStoreThatReturnsTooFewOrMalformedHashesIsAnError() {
        assertThatThrownBy(() -> Proofs.inclusionProof(0, 8, ids -> List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Proofs.inclusionProof(0, 2, ids -> List.of(new byte[31])))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> Proofs.inclusionProof(0, 2, ids -> List.of(new byte[32])))
                .doesNotThrowAnyException();
    }

    private static void assertInclusionAlterationsFail(int i, int n) {
        byte[] leaf = TREE.mth(i, i + 1);
        byte[] root = TREE.mth(0, n);
        List<byte[]> proof = TREE.path(i, n);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(i ^ 1, n, leaf, proof, root))
                .as("leaf index %d", i ^ 1)
                .isInstanceOf(InvalidProofException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(i, n, OTHER_LEAF, proof, root))
                .as("another leaf")
                .isInstanceOf(InvalidProofException.class);
        for (List<byte[]> altered : alterations(proof)) {
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(i, n, leaf, altered, root))
                    .isInstanceOf(InvalidProofException.class);
        }
    }

    private static void assertConsistencyAlterationsFail(int m, int n) {
        byte[] root1 = TREE.mth(0, m);
        byte[] root2 = TREE.mth(0, n);
        List<byte[]> proof = TREE.proof(m, n);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, proof, TREE.mth(1, m + 1), root2))
                .as("another old root")
                .isInstanceOf(InvalidProofException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, proof, root1, TREE.mth(0, n - 1)))
                .as("another new root")
                .isInstanceOf(InvalidProofException.class);
        for (List<byte[]> altered : alterations(proof)) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, altered, root1, root2))
                    .isInstanceOf(InvalidProofException.class);
        }
    }

    /** One read of O(log n) hashes: at most two per level of the tree. */
    private static void assertReadLogarithmically(List<List<NodeId>> calls, int n) {
        assertThat(calls).hasSizeLessThanOrEqualTo(1);
        int levels = 64 - Long.numberOfLeadingZeros(n);
        calls.forEach(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(2 * levels));
    }

    /** The proof with one bit flipped in each element in turn, its last element dropped, and an element added. */
    private static List<List<byte[]>> alterations(List<byte[]> proof) {
        List<List<byte[]>> result = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] hash = proof.get(i).clone();
            hash[0] ^= 0x10;
            flipped.set(i, hash);
            result.add(flipped);
        }
        if (!proof.isEmpty()) {
            result.add(proof.subList(0, proof.size() - 1));
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(TREE.mth(0, 1));
        result.add(longer);
        return result;
    }
}
