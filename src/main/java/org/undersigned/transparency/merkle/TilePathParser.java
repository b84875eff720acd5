package org.undersigned.transparency.merkle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsing of tile and entry bundle paths (C2SP tlog-tiles); see {@link TilePath#parse(String)}. */
final class TilePathParser {

    // tlog-tiles §Merkle Tree and §Log entries: tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>], ASCII digits,
    // L and W with no leading zeroes, N in 3-digit elements all but the last prefixed with x (7 cover a long).
    private static final Pattern PATH =
            Pattern.compile("tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/){0,6}[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    private TilePathParser() {}

    static TilePath parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tile path: " + path);
        }
        long index = index(m.group(2));
        int width = TilePath.FULL_WIDTH;
        if (m.group(3) != null) {
            // tlog-tiles §Merkle Tree: the .p/<W> suffix is only for partial tiles, W between 1 and 255.
            width = Integer.parseInt(m.group(3));
            if (width >= TilePath.FULL_WIDTH) {
                throw new IllegalArgumentException("partial tile width must be 1 to 255: " + path);
            }
        }
        if (m.group(1).equals("entries")) {
            return new EntryBundle(index, width); // tlog-tiles §Log entries: N and .p/W mean the same as for tiles
        }
        // tlog-tiles §Merkle Tree: L is between 0 and 63.
        int level = Integer.parseInt(m.group(1));
        if (level > Tile.MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be 0 to 63: " + path);
        }
        return new Tile(level, index, width);
    }

    private static long index(String encoded) {
        long n = 0;
        try {
            for (String element : encoded.split("/")) {
                n = Math.addExact(Math.multiplyExact(n, 1000), Integer.parseInt(element.replace("x", "")));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tile index too large: " + encoded);
        }
        // x000/067 would name tile 67 a second time: only the encoding of N itself is N's path.
        if (!TilePath.encodeIndex(n).equals(encoded)) {
            throw new IllegalArgumentException("tile index not in canonical form: " + encoded);
        }
        return n;
    }
}
