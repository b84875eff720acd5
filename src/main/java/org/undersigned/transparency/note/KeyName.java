package org.undersigned.transparency.note;

/** Key names as signed-note §Format allows them; also what the tlog-checkpoint origin SHOULD look like. */
public final class KeyName {

    private KeyName() {}

    // signed-note §Format: "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B)"
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        try {
            // a name with a lone surrogate has no UTF-8 form, one with a control character cannot occur in a note
            Strict.text(name, false, "key name");
        } catch (NoteException.Malformed e) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || isUnicodeSpace(c));
    }

    /** Returns the name, or throws {@link NoteException.Malformed} saying it is not a valid key name. */
    public static String require(String name) {
        if (!isValid(name)) {
            throw Strict.malformed("key name must be non-empty UTF-8 without spaces, '+' or control characters");
        }
        return name;
    }

    // "Unicode spaces" = the White_Space property, as Go's unicode.IsSpace in the reference implementation.
    // Neither Character.isWhitespace (misses U+00A0, U+2007, U+202F) nor isSpaceChar (misses tab) is that set.
    private static boolean isUnicodeSpace(int c) {
        return c >= 0x09 && c <= 0x0D
                || c == 0x20
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || c >= 0x2000 && c <= 0x200A
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }
}
