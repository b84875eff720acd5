package org.undersigned.letters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text hash of a letter version (docs/ARCHITECTURE.md#letters-and-threads): SHA-256 over the normalised Markdown
 * body. Normalisation, in order: drop a leading byte order mark; CRLF and lone CR become LF; spaces and tabs at the end
 * of every line are removed; blank lines at the start and end are removed; the text ends with exactly one LF. The
 * README states the same rule as a shell pipeline, so anyone can recompute it with {@code sha256sum}.
 */
public final class TextHash {

    private TextHash() {}

    public static String normalise(String body) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        int first = 0;
        int last = lines.length - 1;
        while (first <= last && stripTrailing(lines[first]).isEmpty()) {
            first++;
        }
        while (last >= first && stripTrailing(lines[last]).isEmpty()) {
            last--;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = first; i <= last; i++) {
            out.append(stripTrailing(lines[i])).append('\n');
        }
        return out.toString();
    }

    /** SHA-256 of the UTF-8 bytes of an already normalised text, as lower-case hex. */
    public static String sha256(String normalised) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }
}
