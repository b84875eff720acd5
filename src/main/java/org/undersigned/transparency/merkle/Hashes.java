package org.undersigned.transparency.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The RFC 9162 §2.1.1 hashes with SHA-256. Hashes are plain 32-byte arrays; callers treat them as immutable.
 */
public final class Hashes {

    /** RFC 9162 §2.1: HASH is SHA-256, so every leaf, node and root hash is 32 bytes. */
    public static final int SIZE = 32;

    private Hashes() {}

    /** RFC 9162 §2.1.1: MTH({d(0)}) = HASH(0x00 || d(0)). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    /** RFC 9162 §2.1.1: MTH(D_n) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** RFC 9162 §2.1.1: MTH({}) = HASH(), the hash of the empty string. */
    public static byte[] emptyTreeHash() {
        return sha256().digest();
    }

    /**
     * The tree hash of the given leaf hashes by the RFC's recursive definition; the slow, obvious reference against
     * which the stored-hash algorithms are checked.
     */
    public static byte[] treeHash(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyTreeHash() : treeHash(leafHashes, 0, leafHashes.size());
    }

    private static byte[] treeHash(List<byte[]> leafHashes, int lo, int hi) {
        if (hi - lo == 1) {
            return requireHash(leafHashes.get(lo), "leaf hash");
        }
        // RFC 9162 §2.1.1: k is the largest power of two smaller than n.
        int k = Integer.highestOneBit(hi - lo - 1);
        return nodeHash(treeHash(leafHashes, lo, lo + k), treeHash(leafHashes, lo + k, hi));
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != SIZE) {
            throw new IllegalArgumentException(what + " must be " + SIZE + " bytes");
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
