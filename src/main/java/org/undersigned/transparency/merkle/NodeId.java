package org.undersigned.transparency.merkle;

/**
 * A complete subtree: the one at {@code level} L and {@code index} N has the hash MTH(D[N·2^L : (N+1)·2^L]). Level 0
 * holds the leaf hashes. Only complete subtrees are stored; every other hash is computed from them.
 */
public record NodeId(int level, long index) {

    public NodeId {
        // The last leaf, (N+1)·2^L - 1, must fit in a long, as tree sizes do.
        if (level < 0 || level > 62 || index < 0 || index >= Long.MAX_VALUE >> level) {
            throw new IllegalArgumentException("no complete subtree at level " + level + " index " + index);
        }
    }

    /** The index of the subtree's first leaf. */
    public long firstLeaf() {
        return index << level;
    }

    /** One past the index of the subtree's last leaf: the tree size at which this subtree becomes complete. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    /**
     * The position of this hash in a dense sequential store that appends each new hash as it becomes known (the
     * order of golang.org/x/mod/sumdb/tlog, Crosby and Wallach §3.3): leaf N is followed by the subtrees it completes.
     *
     * @throws ArithmeticException for positions beyond a long (trees of 2^61 leaves and more)
     */
    public long storageIndex() {
        // Level L's hash N is written right after level L-1's hash 2N+1; walk down to level 0.
        long n = index;
        for (int l = level; l > 0; l--) {
            n = Math.addExact(Math.multiplyExact(n, 2), 1);
        }
        // Leaf n is written after all hashes of the leaves before it: n + n/2 + n/4 + ...
        long position = 0;
        for (; n > 0; n >>= 1) {
            position = Math.addExact(position, n);
        }
        return position + level;
    }

    /** The inverse of {@link #storageIndex()}. */
    public static NodeId fromStorageIndex(long storageIndex) {
        if (storageIndex < 0) {
            throw new IllegalArgumentException("negative storage index " + storageIndex);
        }
        // Leaf n sits at position < 2n, so the leaf whose group holds storageIndex is in [storageIndex/2, ...).
        long n = storageIndex / 2;
        long leafPosition = new NodeId(0, n).storageIndex();
        while (true) {
            // Appending leaf n adds it and the subtrees it completes: 1 + trailing ones of n.
            long next = leafPosition + 1 + Long.numberOfTrailingZeros(n + 1);
            if (next > storageIndex) {
                break;
            }
            n++;
            leafPosition = next;
        }
        int level = (int) (storageIndex - leafPosition);
        return new NodeId(level, n >> level);
    }

    /** How many hashes a tree of the given size stores: one per complete subtree, 2·size minus the bits set in size. */
    public static long storedHashCount(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        return treeSize == 0 ? 0 : Math.subtractExact(Math.multiplyExact(treeSize, 2), Long.bitCount(treeSize));
    }
}
