package org.undersigned.transparency.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry bundle (C2SP tlog-tiles §Log entries): bundle N holds entries N·256 up to N·256 + width - 1, whose leaf
 * hashes are the level 0 tile N of the same width.
 */
public record EntryBundle(long index, int width) implements TilePath {

    public EntryBundle {
        if (index < 0 || width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("no entry bundle " + index + " of width " + width);
        }
    }

    /** tlog-tiles §Log entries and §Partial Tiles: s / 256 full bundles, then a partial one if s mod 256 is not 0. */
    public static List<EntryBundle> forTreeSize(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        List<EntryBundle> bundles = new ArrayList<>();
        for (long n = 0; n < treeSize / FULL_WIDTH; n++) {
            bundles.add(new EntryBundle(n, FULL_WIDTH));
        }
        if (treeSize % FULL_WIDTH != 0) {
            bundles.add(new EntryBundle(treeSize / FULL_WIDTH, (int) (treeSize % FULL_WIDTH)));
        }
        return bundles;
    }

    /** Whether all of this bundle's entries exist in a tree of {@code treeSize} (see {@link Tile#existsIn}). */
    public boolean existsIn(long treeSize) {
        return new Tile(0, index, width).existsIn(treeSize);
    }

    /** Whether this is one of {@link #forTreeSize(long)}. */
    public boolean isPartOf(long treeSize) {
        return new Tile(0, index, width).isPartOf(treeSize);
    }

    /** The index of the bundle's first entry. */
    public long firstEntry() {
        return Math.multiplyExact(index, FULL_WIDTH);
    }

    /** tlog-tiles §Log entries: {@code tile/entries/<N>[.p/<W>]}. */
    @Override
    public String path() {
        return "tile/entries/" + TilePath.encodeIndex(index) + (isPartial() ? ".p/" + width : "");
    }
}
