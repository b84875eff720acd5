package org.undersigned.transparency.note;

import java.util.List;

/**
 * A note whose signatures were checked against known keys. A class, not a record, so that only {@link Note#verify}
 * can make one: holding a VerifiedNote is the proof that its text was signed.
 */
public final class VerifiedNote {

    private final Note note;
    private final List<VerifierKey> signers;
    private final List<NoteSignature> ignored;

    VerifiedNote(Note note, List<VerifierKey> signers, List<NoteSignature> ignored) {
        this.note = note;
        this.signers = List.copyOf(signers);
        this.ignored = List.copyOf(ignored);
    }

    /** The signed text, final newline included. */
    public String text() {
        return note.text();
    }

    /** The note as parsed, all signature lines included (to pass it on or add a cosignature). */
    public Note note() {
        return note;
    }

    /** The known keys whose signatures verified, at least one. */
    public List<VerifierKey> signers() {
        return signers;
    }

    /** Signatures by unknown keys, not checked. */
    public List<NoteSignature> ignored() {
        return ignored;
    }

    @Override
    public String toString() {
        return "VerifiedNote[signers=" + signers + ", ignored=" + ignored.size() + "]";
    }
}
