package org.undersigned.transparency.note;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A transparency log checkpoint (C2SP tlog-checkpoint): the note text stating a log's Merkle tree head. It is the
 * text only; sign it with {@link Note#sign} and read it from {@link VerifiedNote#text()}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    // tlog-checkpoint §Note text 2: "ASCII decimal ... with no leading zeroes (unless the tree is empty ... `0`)";
    // checked before Long.parseLong, which would also take a sign and non-ASCII digits
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]*");
    // tlog-checkpoint §Note text 3: "the root of the RFC 6962 Merkle hash tree", a SHA-256 hash
    private static final int HASH_BYTES = 32;

    public Checkpoint {
        // tlog-checkpoint §Note text 1: "The origin MUST be non-empty"; SHOULD-rules on its shape are not enforced,
        // since clients "MUST NOT assume that the origin is following this format"
        line(origin, "origin");
        if (size < 0) {
            throw Strict.malformed("tree size must not be negative");
        }
        if (rootHash == null || rootHash.length != HASH_BYTES) {
            throw Strict.malformed("root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
        // tlog-checkpoint §Note text 4: "Extension lines, if any, MUST be non-empty"
        extensions = List.copyOf(extensions);
        extensions.forEach(extension -> line(extension, "extension line"));
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** Parses checkpoint note text, final newline included. Sizes above 2^63-1 are refused. */
    public static Checkpoint parse(String text) {
        // signed-note §Format: note text ends in a newline; tlog-checkpoint §Note text: "a sequence of at least
        // three non-empty lines, separated by newlines"
        if (text == null || !text.endsWith("\n")) {
            throw Strict.malformed("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw Strict.malformed("a checkpoint has an origin, a tree size and a root hash line");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw Strict.malformed("tree size must be decimal digits without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw Strict.malformed("tree size is too large");
        }
        // tlog-checkpoint §Note text 3: "the base64 encoding of the root"
        byte[] rootHash = Strict.base64(lines[2], "root hash");
        return new Checkpoint(lines[0], size, rootHash, List.of(lines).subList(3, lines.length));
    }

    /** The note text: origin, size, root hash and any extension lines, each ending in a newline. */
    public String format() {
        StringBuilder out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Strict.base64(rootHash))
                .append('\n');
        extensions.forEach(extension -> out.append(extension).append('\n'));
        return out.toString();
    }

    private static void line(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw Strict.malformed(what + " must be non-empty");
        }
        // a checkpoint is note text: no newline inside a line, no other control characters (signed-note §Format)
        Strict.text(value, false, what);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint cp
                && origin.equals(cp.origin)
                && size == cp.size
                && Arrays.equals(rootHash, cp.rootHash)
                && extensions.equals(cp.extensions);
    }

    @Override
    public int hashCode() {
        int hash = 31 * origin.hashCode() + Long.hashCode(size);
        return 31 * (31 * hash + Arrays.hashCode(rootHash)) + extensions.hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Strict.base64(rootHash) + ", " + extensions + "]";
    }
}
