package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.List;

/** Computing MTH(D[lo:hi]) for leaf ranges from the stored complete-subtree hashes, with one read per request. */
final class Subtrees {

    /** The leaves [lo, hi) whose tree hash a proof or tree head needs. */
    record Range(long lo, long hi) {}

    private Subtrees() {}

    /** MTH(D[lo:hi]) for each range, in order, from one batched read. */
    static List<byte[]> hashes(List<Range> ranges, HashReader reader) {
        List<NodeId> ids = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (Range range : ranges) {
            cover(range.lo(), range.hi(), ids);
            ends.add(ids.size());
        }
        List<byte[]> stored = read(reader, ids);
        List<byte[]> result = new ArrayList<>(ranges.size());
        int start = 0;
        for (int end : ends) {
            result.add(fold(stored.subList(start, end)));
            start = end;
        }
        return result;
    }

    /**
     * Appends the complete subtrees that make up [lo, hi), left to right. RFC 9162 §2.1.1 splits n leaves at the
     * largest power of two k < n; the left part is complete and the right part splits again, so the tree hash is
     * the right fold of these subtrees. Every range a proof asks for starts at a multiple of its largest part.
     */
    static void cover(long lo, long hi, List<NodeId> out) {
        while (lo < hi) {
            long k = Long.highestOneBit(hi - lo);
            if ((lo & (k - 1)) != 0) {
                throw new IllegalStateException("range [" + lo + ", " + hi + ") is not aligned");
            }
            int level = Long.numberOfTrailingZeros(k);
            out.add(new NodeId(level, lo >> level));
            lo += k;
        }
    }

    /** RFC 9162 §2.1.1: MTH(D_n) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])), applied from the right. */
    static byte[] fold(List<byte[]> subtreeHashes) {
        byte[] hash = subtreeHashes.get(subtreeHashes.size() - 1);
        for (int i = subtreeHashes.size() - 2; i >= 0; i--) {
            hash = Hashes.nodeHash(subtreeHashes.get(i), hash);
        }
        return hash;
    }

    /** Reads the hashes once, checking that the store kept its side of the {@link HashReader} contract. */
    static List<byte[]> read(HashReader reader, List<NodeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<byte[]> hashes = reader.readHashes(List.copyOf(ids));
        if (hashes == null || hashes.size() != ids.size()) {
            throw new IllegalStateException("hash store returned " + (hashes == null ? "null" : hashes.size())
                    + " hashes for " + ids.size() + " subtrees");
        }
        for (int i = 0; i < hashes.size(); i++) {
            byte[] hash = hashes.get(i);
            if (hash == null || hash.length != Hashes.SIZE) {
                throw new IllegalStateException("hash store returned a malformed hash for " + ids.get(i));
            }
        }
        return hashes;
    }
}
