package org.undersigned.transparency.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict decoding shared by the parsers: every value has exactly one accepted spelling. */
final class Strict {

    private Strict() {}

    static NoteException.Malformed malformed(String message) {
        return new NoteException.Malformed(message);
    }

    // signed-note §Conventions: "the standard Base 64 encoding specified in RFC 4648, Section 4"
    static byte[] base64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not standard base64");
        }
        // Java's decoder also takes missing padding and non-zero pad bits (RFC 4648 §3.5 lets decoders refuse
        // both); only the canonical spelling passes, so signed bytes cannot be respelled.
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw malformed(what + " is not canonical padded base64");
        }
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    // signed-note §Format: "Signed notes MUST be valid UTF-8": a bad sequence is refused, never replaced with U+FFFD
    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(what + " is not valid UTF-8");
        }
    }

    /**
     * Checks that a Java string is note text: no lone surrogate (it has no UTF-8 form; getBytes would write '?'),
     * and, per signed-note §Format, "MUST NOT contain any ASCII control characters (those below U+0020) other than
     * newline"; {@code newlines} false refuses the newline too, for single lines.
     */
    static String text(String text, boolean newlines, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed(what + " is not valid UTF-8 (lone surrogate)");
            } else if (c < 0x20 && !(newlines && c == '\n')) {
                throw malformed(what + " contains a control character");
            }
        }
        return text;
    }
}
