package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree tile (C2SP tlog-tiles §Merkle Tree): tile N at level L holds, for i below its width, the hash
 * MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L]), that is the complete subtree at tree level 8·L, index N·256 + i.
 */
public record Tile(int level, long index, int width) implements TilePath {

    /** tlog-tiles §Merkle Tree: L is between 0 and 63. */
    public static final int MAX_LEVEL = 63;

    public Tile {
        if (level < 0 || level > MAX_LEVEL || index < 0 || width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("no tile " + level + "/" + index + " of width " + width);
        }
    }

    /**
     * tlog-tiles §Partial Tiles: the tiles of a tree of {@code treeSize} leaves. Level L has floor(s / 256^L)
     * hashes: that many divided by 256 full tiles, then a partial tile of the remainder if there is one. A tree of
     * size 70,000 has 273 full and one 112-wide tile at level 0, a full and a 17-wide one at level 1, a 1-wide at 2.
     */
    public static List<Tile> forTreeSize(long treeSize) {
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; level * HEIGHT < Long.SIZE; level++) {
            long hashes = hashesAtLevel(treeSize, level);
            for (long n = 0; n < hashes / FULL_WIDTH; n++) {
                tiles.add(new Tile(level, n, FULL_WIDTH));
            }
            if (hashes % FULL_WIDTH != 0) { // tlog-tiles §Partial Tiles: empty tiles are never served
                tiles.add(new Tile(level, hashes / FULL_WIDTH, (int) (hashes % FULL_WIDTH)));
            }
        }
        return tiles;
    }

    /**
     * Whether all of this tile's hashes exist in a tree of {@code treeSize}: true for the partial tiles of every
     * smaller tree too, which clients holding an older checkpoint still ask for (tlog-tiles §Partial Tiles).
     */
    public boolean existsIn(long treeSize) {
        return index < Long.MAX_VALUE / FULL_WIDTH && index * FULL_WIDTH + width <= hashesAtLevel(treeSize, level);
    }

    /**
     * Whether this is one of {@link #forTreeSize(long)}: a full tile the tree covers, or exactly its partial tile.
     * tlog-tiles §Partial Tiles: a log serves the partial tiles of every size it made a checkpoint for, so a server
     * asks this of each such size, not only the latest.
     */
    public boolean isPartOf(long treeSize) {
        long hashes = hashesAtLevel(treeSize, level);
        return isPartial() ? index == hashes / FULL_WIDTH && width == hashes % FULL_WIDTH : index < hashes / FULL_WIDTH;
    }

    /**
     * The complete subtrees whose hashes make up this tile, left to right.
     *
     * @throws IllegalArgumentException for a tile no tree of long size has (level 8 and up)
     */
    public List<NodeId> hashIds() {
        List<NodeId> ids = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            ids.add(new NodeId(HEIGHT * level, Math.addExact(Math.multiplyExact(index, FULL_WIDTH), i)));
        }
        return ids;
    }

    /** tlog-tiles §Merkle Tree: the tile's body, its hashes concatenated (32·width bytes). */
    public byte[] content(HashReader reader) {
        List<byte[]> hashes = Subtrees.read(reader, hashIds());
        byte[] body = new byte[hashes.size() * Hashes.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, body, i * Hashes.SIZE, Hashes.SIZE);
        }
        return body;
    }

    /** tlog-tiles §Merkle Tree: {@code tile/<L>/<N>[.p/<W>]}. */
    @Override
    public String path() {
        return "tile/" + level + "/" + TilePath.encodeIndex(index) + (isPartial() ? ".p/" + width : "");
    }

    /**
     * The full tiles and full entry bundles that a tree growing from {@code oldSize} to {@code newSize} completes:
     * those of {@link #forTreeSize} at the new size but not the old. Full tiles never change again (tlog-tiles).
     */
    public static List<TilePath> completedBy(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("a tree cannot grow from " + oldSize + " to " + newSize);
        }
        List<TilePath> done = new ArrayList<>();
        for (long n = oldSize / FULL_WIDTH; n < newSize / FULL_WIDTH; n++) {
            done.add(new EntryBundle(n, FULL_WIDTH));
        }
        for (int level = 0; level * HEIGHT < Long.SIZE; level++) {
            for (long n = hashesAtLevel(oldSize, level) / FULL_WIDTH;
                    n < hashesAtLevel(newSize, level) / FULL_WIDTH;
                    n++) {
                done.add(new Tile(level, n, FULL_WIDTH));
            }
        }
        return done;
    }

    /** floor(s / 256^L): how many complete subtrees of 256^L leaves a tree of size s has (none beyond a long). */
    private static long hashesAtLevel(long treeSize, int level) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        return HEIGHT * level < Long.SIZE ? treeSize >>> (HEIGHT * level) : 0;
    }
}
