package org.undersigned.transparency.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A signed note (C2SP signed-note): a text and one or more signature lines. A parsed note is unverified: its
 * text MUST be ignored until {@link #verify} or {@link #open} has checked it against trusted keys.
 */
public record Note(String text, List<NoteSignature> signatures) {

    /**
     * signed-note §Format: verifiers "SHOULD apply a maximum limit to the number of signatures in a note ... but MUST
     * accept at least up to 16"; 100 is the limit of the Go reference implementation.
     */
    public static final int MAX_SIGNATURES = 100;

    public Note {
        // signed-note §Format: "a text ending in newline (U+000A)"; the text includes that final newline
        if (text == null || !text.endsWith("\n")) {
            throw Strict.malformed("note text must end with a newline");
        }
        Strict.text(text, true, "note text");
        signatures = List.copyOf(signatures);
        // signed-note §Format: "followed by one or more signature lines"
        if (signatures.isEmpty()) {
            throw Strict.malformed("a note needs at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw Strict.malformed("a note may carry at most " + MAX_SIGNATURES + " signatures");
        }
        // signed-note §Signatures: name and ID together identify one key; two lines for one key are ambiguous
        Set<KeyRef> seen = new HashSet<>();
        for (NoteSignature signature : signatures) {
            if (!seen.add(new KeyRef(signature.name(), signature.keyId()))) {
                throw Strict.malformed("two signatures by key " + signature.name() + "+" + signature.keyId());
            }
        }
    }

    /** Signs exactly the UTF-8 bytes of {@code text} with every signer, in order. */
    public static Note sign(String text, List<SignerKey> signers) {
        if (text == null || !text.endsWith("\n")) {
            throw Strict.malformed("note text must end with a newline");
        }
        byte[] signed = Strict.text(text, true, "note text").getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (SignerKey signer : signers) {
            // signed-note §Ed25519 signatures: RFC 8032 Ed25519 "over the note text"
            signatures.add(new NoteSignature(signer.name(), signer.id(), signer.sign(signed)));
        }
        return new Note(text, signatures);
    }

    public static Note sign(String text, SignerKey... signers) {
        return sign(text, Arrays.asList(signers));
    }

    /** Parses a signed note strictly; verifies nothing. */
    public static Note parse(byte[] message) {
        // signed-note §Format: "Signed notes MUST be valid UTF-8"
        return parse(Strict.utf8(message, "note"));
    }

    public static Note parse(String message) {
        // signed-note §Format: "MUST NOT contain any ASCII control characters (those below U+0020) other than newline"
        Strict.text(message, true, "note");
        // signed-note §Format: "the text is separated from the signatures by the last empty line in the note"
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw Strict.malformed("a note is text, a blank line, then signature lines");
        }
        String text = message.substring(0, split + 1);
        String block = message.substring(split + 2);
        // signed-note §Format: every signature line ends with a newline, so the note does too
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw Strict.malformed("a note ends with a signature line and a newline");
        }
        // count before parsing so that a huge note costs no more than the limit
        if (block.chars().filter(c -> c == '\n').count() > MAX_SIGNATURES) {
            throw Strict.malformed("a note may carry at most " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new Note(text, signatures);
    }

    /** Parses and verifies in one step; see {@link #verify}. */
    public static VerifiedNote open(byte[] message, Collection<VerifierKey> known) {
        return parse(message).verify(known);
    }

    public static VerifiedNote open(String message, Collection<VerifierKey> known) {
        return parse(message).verify(known);
    }

    /**
     * Checks the signatures of the known keys. Signatures of other keys are ignored, a known key's signature that
     * does not verify rejects the whole note, and a note that no known key signed is rejected.
     *
     * @throws NoteException.InvalidSignature if a known key's signature does not verify
     * @throws NoteException.Unverified if no known key signed the note
     * @throws IllegalArgumentException if two different known keys share a name and key ID
     */
    public VerifiedNote verify(Collection<VerifierKey> known) {
        Map<KeyRef, VerifierKey> byRef = new HashMap<>();
        for (VerifierKey key : known) {
            VerifierKey previous = byRef.putIfAbsent(new KeyRef(key.name(), key.id()), key);
            if (previous != null && !previous.equals(key)) {
                // signed-note §Signatures: "Accidental collisions of both key name and key ID can lead to errors"
                throw new IllegalArgumentException("two known keys are both " + key.name() + "+" + key.id());
            }
        }
        byte[] signed = text.getBytes(StandardCharsets.UTF_8);
        List<VerifierKey> signers = new ArrayList<>();
        List<NoteSignature> ignored = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            VerifierKey key = byRef.get(new KeyRef(signature.name(), signature.keyId()));
            if (key == null) {
                // signed-note §Signatures: "Verifiers MUST ignore signatures from unknown keys, even if they share a
                // name or ID (but not both) with a known key"
                ignored.add(signature);
            } else if (key.verifies(signed, signature.signature())) {
                signers.add(key);
            } else {
                // signed-note §Signatures: "If a signature from a known key fails to verify, clients SHOULD reject
                // the whole note" (MAY in v1.0.0): we reject, since a forged line means someone is attacking
                throw new NoteException.InvalidSignature(signature.name(), signature.keyId());
            }
        }
        // signed-note §Signatures: "If no signature from a known key verifies successfully, clients MUST reject"
        if (signers.isEmpty()) {
            throw new NoteException.Unverified();
        }
        return new VerifiedNote(this, signers, ignored);
    }

    /** The note as sent: text, blank line, one line per signature. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> out.append(signature.format()).append('\n'));
        return out.toString();
    }

    public byte[] toBytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    private record KeyRef(String name, KeyId id) {}
}
