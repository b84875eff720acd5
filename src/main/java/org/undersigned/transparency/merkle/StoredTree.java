package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log tree kept as the hashes of all its complete subtrees (every level, see {@link NodeId}): what an appender
 * stores, and tree heads computed from it.
 */
public final class StoredTree {

    private StoredTree() {}

    /** RFC 9162 §2.1.1: the tree head MTH(D[0:n]), from at most 63 stored hashes read at once. */
    public static byte[] treeHash(long treeSize, HashReader reader) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        if (treeSize == 0) {
            return Hashes.emptyTreeHash(); // RFC 9162 §2.1.1: MTH({}) = HASH()
        }
        return Subtrees.hashes(List.of(new Subtrees.Range(0, treeSize)), reader).get(0);
    }

    /**
     * The complete subtrees that appending {@code newLeafHashes} to a tree of {@code treeSize} leaves completes,
     * with their hashes, ordered by level then index: the new leaves themselves at level 0, then every parent they
     * complete. Storing them keeps the invariant that every complete subtree's hash is stored. Reads, in one call,
     * only the existing subtrees that a new parent needs as its left child (at most 62).
     */
    public static List<StoredHash> hashesToStore(long treeSize, List<byte[]> newLeafHashes, HashReader reader) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        long newSize = Math.addExact(treeSize, newLeafHashes.size());
        newLeafHashes.forEach(h -> Hashes.requireHash(h, "leaf hash"));

        // The existing tree is a row of complete subtrees, one per bit of treeSize; the one at level l is needed
        // when its parent, which ends at the next multiple of 2^(l+1), is complete in the new tree.
        List<NodeId> needed = new ArrayList<>();
        for (int level = 0; level < 63; level++) {
            if ((treeSize >> level & 1) == 1) {
                long parentEnd = ((treeSize >> (level + 1)) + 1) << (level + 1);
                if (Long.compareUnsigned(parentEnd, newSize) <= 0) {
                    needed.add(new NodeId(level, (treeSize >> level) - 1));
                }
            }
        }
        Map<NodeId, byte[]> known = new HashMap<>();
        List<byte[]> read = Subtrees.read(reader, needed);
        for (int i = 0; i < needed.size(); i++) {
            known.put(needed.get(i), read.get(i));
        }

        List<StoredHash> result = new ArrayList<>();
        for (int i = 0; i < newLeafHashes.size(); i++) {
            NodeId id = new NodeId(0, treeSize + i);
            byte[] hash = newLeafHashes.get(i);
            while (true) {
                known.put(id, hash);
                result.add(new StoredHash(id, hash));
                if ((id.index() & 1) == 0) {
                    break; // a left child: its parent waits for later leaves
                }
                // A right child completes its parent: RFC 9162 §2.1.1, HASH(0x01 || left || right).
                hash = Hashes.nodeHash(known.get(new NodeId(id.level(), id.index() - 1)), hash);
                id = new NodeId(id.level() + 1, id.index() >> 1);
            }
        }
        result.sort(Comparator.comparingInt((StoredHash s) -> s.id().level()).thenComparingLong(s -> s.id().index()));
        return result;
    }
}
