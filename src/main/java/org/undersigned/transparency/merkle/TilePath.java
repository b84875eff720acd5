package org.undersigned.transparency.merkle;

import java.util.Locale;

/**
 * A resource of a tiled log (C2SP tlog-tiles, c2sp.org/tlog-tiles): a {@link Tile} of Merkle tree hashes or an
 * {@link EntryBundle} of entries, each full (256 wide) or partial. Section names below are the spec's headings.
 */
public sealed interface TilePath permits Tile, EntryBundle {

    /** tlog-tiles §Merkle Tree: a tile is a subtree of height 8, so a full tile is 256 hashes (8,192 bytes) wide. */
    int HEIGHT = 8;

    int FULL_WIDTH = 1 << HEIGHT;

    long index();

    /** 1..255 for a partial tile (tlog-tiles §Partial Tiles), 256 for a full one. */
    int width();

    /** The path below the log's prefix, such as {@code tile/0/x001/x234/067.p/8}. */
    String path();

    default boolean isPartial() {
        return width() < FULL_WIDTH;
    }

    /**
     * tlog-tiles §Merkle Tree: N as zero-padded 3-digit path elements, all but the last prefixed with {@code x};
     * 1234067 is {@code x001/x234/067}.
     */
    static String encodeIndex(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative tile index " + n);
        }
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "%03d", n % 1000));
        for (n /= 1000; n > 0; n /= 1000) {
            path.insert(0, String.format(Locale.ROOT, "x%03d/", n % 1000));
        }
        return path.toString();
    }

    /**
     * Parses {@code tile/<L>/<N>[.p/<W>]} or {@code tile/entries/<N>[.p/<W>]}, accepting only the canonical form
     * {@link #path()} produces, so that each resource has exactly one path.
     *
     * @throws IllegalArgumentException naming the rule the path breaks
     */
    static TilePath parse(String path) {
        return TilePathParser.parse(path);
    }
}
