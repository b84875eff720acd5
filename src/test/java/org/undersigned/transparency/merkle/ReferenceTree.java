package org.undersigned.transparency.merkle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9162 §2.1 definitions taken literally, with their own hashing, independent of the code under test:
 * recursive MTH, PATH and SUBPROOF over a list of leaves. Slow but obviously right; MTH is memoised by range.
 */
final class ReferenceTree {

    private final List<byte[]> leafHashes;
    private final Map<List<Integer>, byte[]> mth = new HashMap<>();

    private ReferenceTree(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    /** A tree of {@code n} leaves with entries "leaf 0", "leaf 1", ... */
    static ReferenceTree withLeaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(sha256(new byte[] {0x00}, ("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return new ReferenceTree(hashes);
    }

    List<byte[]> leafHashes(int from, int to) {
        return leafHashes.subList(from, to);
    }

    /** MTH(D[lo:hi]); MTH({}) = SHA-256(). */
    byte[] mth(int lo, int hi) {
        if (hi == lo) {
            return sha256();
        }
        if (hi - lo == 1) {
            return leafHashes.get(lo);
        }
        byte[] known = mth.get(List.of(lo, hi));
        if (known == null) {
            int k = largestPowerOfTwoBelow(hi - lo);
            known = sha256(new byte[] {0x01}, mth(lo, lo + k), mth(lo + k, hi));
            mth.put(List.of(lo, hi), known); // not computeIfAbsent: the recursion adds entries
        }
        return known;
    }

    /** PATH(m, D[0:n]), RFC 9162 §2.1.3.1. */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int lo, int hi) {
        List<byte[]> result = new ArrayList<>();
        if (hi - lo == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(hi - lo);
        if (m < k) {
            result.addAll(path(m, lo, lo + k));
            result.add(mth(lo + k, hi));
        } else {
            result.addAll(path(m - k, lo + k, hi));
            result.add(mth(lo, lo + k));
        }
        return result;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), RFC 9162 §2.1.4.1. */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
        List<byte[]> result = new ArrayList<>();
        if (m == hi - lo) {
            if (!b) {
                result.add(mth(lo, hi));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(hi - lo);
        if (m <= k) {
            result.addAll(subproof(m, lo, lo + k, b));
            result.add(mth(lo + k, hi));
        } else {
            result.addAll(subproof(m - k, lo + k, hi, false));
            result.add(mth(lo, lo + k));
        }
        return result;
    }

    /** Every complete subtree of the first {@code n} leaves with its hash. */
    Map<NodeId, byte[]> completeSubtrees(int n) {
        Map<NodeId, byte[]> result = new HashMap<>();
        for (int level = 0; (1 << level) <= n; level++) {
            for (int index = 0; (index + 1) << level <= n; index++) {
                result.put(new NodeId(level, index), mth(index << level, (index + 1) << level));
            }
        }
        return result;
    }

    /**
     * A store holding what a tree of {@code n} leaves has stored: it refuses to read any other subtree, and notes
     * each batch it is asked for in {@code calls}.
     */
    HashReader storeOfSize(int n, List<List<NodeId>> calls) {
        return ids -> {
            calls.add(ids);
            List<byte[]> hashes = new ArrayList<>();
            for (NodeId id : ids) {
                if (id.endLeaf() > n) {
                    throw new AssertionError(id + " is not complete in a tree of size " + n);
                }
                hashes.add(mth((int) id.firstLeaf(), (int) id.endLeaf()));
            }
            return hashes;
        };
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** Hashes as hex, so that assertions compare contents and print readably. */
    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
