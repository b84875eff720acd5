package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inclusion and consistency proofs from stored complete-subtree hashes. Each proof is a list of O(log n) subtree
 * hashes; at most one of them is not itself stored but folded from O(log n) stored ones, all read in one call.
 */
public final class Proofs {

    private Proofs() {}

    /**
     * RFC 9162 §2.1.3.1: the inclusion proof PATH(m, D_n) for leaf {@code leafIndex} in the tree of
     * {@code treeSize} leaves, ordered from the leaf's sibling up to the root's child.
     */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, HashReader reader) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        // Walk from the root down to the leaf, noting the hash of the side not taken; the RFC lists them bottom up.
        List<Subtrees.Range> path = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        while (hi - lo > 1) {
            long k = Long.highestOneBit(hi - lo - 1); // RFC 9162 §2.1.1: the largest power of two smaller than n
            if (leafIndex < lo + k) {
                path.add(new Subtrees.Range(lo + k, hi)); // m < k: PATH(m, D[0:k]) : MTH(D[k:n])
                hi = lo + k;
            } else {
                path.add(new Subtrees.Range(lo, lo + k)); // m >= k: PATH(m - k, D[k:n]) : MTH(D[0:k])
                lo += k;
            }
        }
        Collections.reverse(path);
        return Subtrees.hashes(path, reader);
    }

    /**
     * RFC 9162 §2.1.4.1: the consistency proof PROOF(m, D_n) = SUBPROOF(m, D_n, true) that the tree of
     * {@code size1} leaves is a prefix of the tree of {@code size2} leaves. Empty when the sizes are equal; a proof
     * from the empty tree would prove nothing, so size1 must be at least 1.
     */
    public static List<byte[]> consistencyProof(long size1, long size2, HashReader reader) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        // Walk down while the old tree's edge m lies strictly inside the current subtree [lo, hi).
        List<Subtrees.Range> upper = new ArrayList<>();
        long lo = 0;
        long hi = size2;
        boolean wholeOldTree = true; // the RFC's b: is D[lo:hi] still the whole old tree so far?
        while (size1 != hi) {
            long k = Long.highestOneBit(hi - lo - 1);
            if (size1 <= lo + k) {
                upper.add(new Subtrees.Range(lo + k, hi)); // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                hi = lo + k;
            } else {
                upper.add(new Subtrees.Range(lo, lo + k)); // m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                lo += k;
                wholeOldTree = false;
            }
        }
        // m = n: SUBPROOF(m, D[m], true) = {}, the verifier knows MTH(D[0:m]); SUBPROOF(m, D[m], false) = {MTH(D[m])}.
        List<Subtrees.Range> proof = new ArrayList<>();
        if (!wholeOldTree) {
            proof.add(new Subtrees.Range(lo, hi));
        }
        Collections.reverse(upper);
        proof.addAll(upper);
        return Subtrees.hashes(proof, reader);
    }
}
