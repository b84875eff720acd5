package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Malformed inputs the RFC 9162 algorithms reject; the vectors and ProofsTest cover wrong hashes. */
class ProofVerifierTest {

    private static final ReferenceTree TREE = ReferenceTree.withLeaves(8);
    private static final byte[] ROOT5 = TREE.mth(0, 5);
    private static final byte[] ROOT8 = TREE.mth(0, 8);

    @Test
    void theValidProofsUsedBelowVerify() {
        assertThatCode(() -> ProofVerifier.verifyInclusion(2, 5, TREE.mth(2, 3), TREE.path(2, 5), ROOT5))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProofVerifier.verifyConsistency(5, 8, TREE.proof(5, 8), ROOT5, ROOT8))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProofVerifier.verifyConsistency(8, 8, List.of(), ROOT8, ROOT8))
                .doesNotThrowAnyException();
    }

    @Test
    void inclusionIsRejectedForAnIndexOutsideTheTree() {
        rejected(() -> ProofVerifier.verifyInclusion(5, 5, TREE.mth(2, 3), TREE.path(2, 5), ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(-1, 5, TREE.mth(2, 3), TREE.path(2, 5), ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(0, 0, TREE.mth(0, 1), List.of(), Hashes.emptyTreeHash()));
    }

    @Test
    void inclusionIsRejectedForHashesOfTheWrongLength() {
        List<byte[]> shortElement = new ArrayList<>(TREE.path(2, 5));
        shortElement.set(1, new byte[31]);
        rejected(() -> ProofVerifier.verifyInclusion(2, 5, TREE.mth(2, 3), shortElement, ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(2, 5, new byte[0], TREE.path(2, 5), ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(0, 1, new byte[0], List.of(), new byte[0]));
        rejected(() -> ProofVerifier.verifyInclusion(2, 5, TREE.mth(2, 3), TREE.path(2, 5), new byte[33]));
    }

    @Test
    void inclusionIsRejectedForAProofTooLongOrTooShort() {
        List<byte[]> longer = new ArrayList<>(TREE.path(2, 5));
        longer.add(ROOT5);
        rejected(() -> ProofVerifier.verifyInclusion(2, 5, TREE.mth(2, 3), longer, ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(
                2, 5, TREE.mth(2, 3), TREE.path(2, 5).subList(0, 2), ROOT5));
        rejected(() -> ProofVerifier.verifyInclusion(0, 1, TREE.mth(0, 1), List.of(TREE.mth(1, 2)), TREE.mth(0, 1)));
    }

    @Test
    void consistencyIsRejectedForSizesThatCannotBeProved() {
        rejected(() -> ProofVerifier.verifyConsistency(8, 5, TREE.proof(5, 8), ROOT8, ROOT5));
        rejected(() -> ProofVerifier.verifyConsistency(0, 8, List.of(), Hashes.emptyTreeHash(), ROOT8));
        rejected(
                () -> ProofVerifier.verifyConsistency(0, 0, List.of(), Hashes.emptyTreeHash(), Hashes.emptyTreeHash()));
        rejected(() -> ProofVerifier.verifyConsistency(-1, 8, TREE.proof(5, 8), ROOT5, ROOT8));
    }

    @Test
    void consistencyBetweenEqualSizesNeedsEqualRootsAndAnEmptyProof() {
        rejected(() -> ProofVerifier.verifyConsistency(8, 8, List.of(), ROOT5, ROOT8));
        rejected(() -> ProofVerifier.verifyConsistency(8, 8, List.of(ROOT8), ROOT8, ROOT8));
    }

    @Test
    void consistencyIsRejectedForAnEmptyTooLongOrTooShortProof() {
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, List.of(), ROOT5, ROOT8));
        List<byte[]> longer = new ArrayList<>(TREE.proof(5, 8));
        longer.add(ROOT8);
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, longer, ROOT5, ROOT8));
        List<byte[]> proof = TREE.proof(5, 8);
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, proof.subList(0, proof.size() - 1), ROOT5, ROOT8));
    }

    @Test
    void consistencyIsRejectedForHashesOfTheWrongLength() {
        List<byte[]> shortElement = new ArrayList<>(TREE.proof(5, 8));
        shortElement.set(0, new byte[0]);
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, shortElement, ROOT5, ROOT8));
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, TREE.proof(5, 8), new byte[31], ROOT8));
        rejected(() -> ProofVerifier.verifyConsistency(4, 8, TREE.proof(4, 8), new byte[31], ROOT8));
        rejected(() -> ProofVerifier.verifyConsistency(5, 8, TREE.proof(5, 8), ROOT5, new byte[33]));
    }

    private static void rejected(ThrowingCallable verification) {
        assertThatThrownBy(verification).isInstanceOf(InvalidProofException.class);
    }
}
