package org.undersigned.transparency.note;

import java.util.List;

/**
 * A log's key rotation statement (docs/ARCHITECTURE.md#key-rotation): note text naming the log's old verifier key and
 * its new one, signed by both keys, so that whoever trusts the old key can move to the new one, and the new key's
 * holder shows it has the private half. Text, each line ending in a newline:
 *
 * <pre>
 * undersigned/key-rotation/v1
 * &lt;old verifier key&gt;
 * &lt;new verifier key&gt;
 * </pre>
 *
 * Both keys are Ed25519 verifier keys (signed-note §Verifier keys) with the same name, the log's origin.
 */
public record KeyRotation(VerifierKey from, VerifierKey to) {

    public static final String HEADER = "undersigned/key-rotation/v1";

    public KeyRotation {
        if (from.cosigner() || to.cosigner()) {
            throw Strict.malformed("a log's keys are Ed25519 keys (type 0x01), not cosigner keys");
        }
        if (!from.name().equals(to.name())) {
            throw Strict.malformed("both keys of a rotation are named for the same origin");
        }
        if (from.equals(to)) {
            throw Strict.malformed("a rotation names a new key");
        }
    }

    /** The origin of the log whose key rotates. */
    public String origin() {
        return from.name();
    }

    /** The note text. */
    public String text() {
        return HEADER + "\n" + from.format() + "\n" + to.format() + "\n";
    }

    /** The signed statement: the text signed by the old key, then the new one. */
    public String sign(SignerKey old, SignerKey next) {
        if (!old.verifierKey().equals(from) || !next.verifierKey().equals(to)) {
            throw new IllegalArgumentException("the signing keys are not the rotation's keys");
        }
        return Note.sign(text(), old, next).format();
    }

    /** Parses statement text, final newline included. */
    public static KeyRotation parse(String text) {
        // signed-note §Format: note text ends in a newline
        if (text == null || !text.endsWith("\n")) {
            throw Strict.malformed("a rotation statement ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 3 || !lines[0].equals(HEADER)) {
            throw Strict.malformed("a rotation statement is '" + HEADER + "', the old key and the new key");
        }
        return new KeyRotation(VerifierKey.parse(lines[1]), VerifierKey.parse(lines[2]));
    }

    /**
     * Opens a signed statement for a reader who trusts {@code trusted}: the statement must rotate away from that very
     * key, and both the old key and the new key must have signed it.
     *
     * @throws NoteException if the statement is malformed, rotates another key, or lacks a verifying signature
     */
    public static KeyRotation open(String signed, VerifierKey trusted) {
        Note note = Note.parse(signed);
        KeyRotation rotation = parse(note.text());
        if (!rotation.from().equals(trusted)) {
            throw Strict.malformed("the statement rotates " + rotation.from().format() + ", not the trusted key");
        }
        // both signatures are required: verify() accepts a note as soon as one known key signed it
        for (VerifierKey key : List.of(rotation.from(), rotation.to())) {
            note.verify(List.of(key));
        }
        return rotation;
    }
}
