package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Verification of inclusion and consistency proofs, step by step as RFC 9162 gives the algorithms. */
public final class ProofVerifier {

    private ProofVerifier() {}

    /**
     * RFC 9162 §2.1.3.2: checks that {@code proof} shows the leaf with hash {@code leafHash} at {@code leafIndex} in
     * the tree of {@code treeSize} leaves whose head is {@code root}.
     *
     * @throws InvalidProofException if it does not, or if any input is malformed
     */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        // Step 1: fail if leaf_index >= tree_size.
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidProofException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root");
        requireHashes(proof);
        // Step 2: fn = leaf_index, sn = tree_size - 1. Step 3: r = hash.
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        // Step 4: fold each p into r, on the left where fn is a right child or on the right edge, else on the right.
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new InvalidProofException("inclusion proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) { // skip levels where the right edge has no sibling
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5: sn must be 0 and r must equal root_hash.
        if (sn != 0) {
            throw new InvalidProofException("inclusion proof is shorter than the path to the root");
        }
        if (!Arrays.equals(r, root)) {
            throw new InvalidProofException("inclusion proof leads to a different root");
        }
    }

    /**
     * RFC 9162 §2.1.4.2: checks that {@code proof} shows the tree of {@code size1} leaves with head {@code root1} to
     * be a prefix of the tree of {@code size2} leaves with head {@code root2}.
     *
     * @throws InvalidProofException if it does not, or if any input is malformed
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws InvalidProofException {
        if (size1 > size2) {
            throw new InvalidProofException("tree size " + size1 + " cannot grow into " + size2);
        }
        // RFC 9162 §2.1.4: proofs are for 0 < first; every tree extends the empty one, so such a proof proves nothing.
        if (size1 < 1) {
            throw new InvalidProofException("no consistency proof from tree size " + size1);
        }
        // RFC 9162 §2.1.4.1: SUBPROOF(m, D[m], true) = {}; equal sizes are consistent exactly when the heads are equal
        // (compared as given, as the transparency-dev vectors expect of opaque heads).
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("consistency proof between equal sizes must be empty");
            }
            if (!Arrays.equals(root1, root2)) {
                throw new InvalidProofException("equal tree sizes with different roots");
            }
            return;
        }
        // From here 0 < first < second, as RFC 9162 §2.1.4.2 assumes.
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        requireHashes(proof);
        // Step 1: an empty consistency_path fails.
        if (proof.isEmpty()) {
            throw new InvalidProofException("empty consistency proof");
        }
        // Step 2: if first is an exact power of 2, prepend first_hash (the proof leaves out what the verifier has).
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        // Step 3: fn = first - 1, sn = second - 1.
        long fn = size1 - 1;
        long sn = size2 - 1;
        // Step 4: if LSB(fn) is set, right-shift both until it is not.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5: fr and sr start from the first value of the path.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6: fold in each subsequent value c.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new InvalidProofException("consistency proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.nodeHash(c, fr);
                sr = Hashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 7: fr must equal first_hash, sr second_hash, and sn must be 0.
        if (sn != 0) {
            throw new InvalidProofException("consistency proof is shorter than the path to the root");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new InvalidProofException("consistency proof does not lead to the first root");
        }
        if (!Arrays.equals(sr, root2)) {
            throw new InvalidProofException("consistency proof does not lead to the second root");
        }
    }

    private static void requireHash(byte[] hash, String what) throws InvalidProofException {
        if (hash == null || hash.length != Hashes.SIZE) {
            throw new InvalidProofException(what + " is not a " + Hashes.SIZE + "-byte hash");
        }
    }

    private static void requireHashes(List<byte[]> proof) throws InvalidProofException {
        for (int i = 0; i < proof.size(); i++) {
            requireHash(proof.get(i), "proof element " + i);
        }
    }
}
