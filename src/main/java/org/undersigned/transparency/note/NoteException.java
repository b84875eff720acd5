package org.undersigned.transparency.note;

/**
 * Why a note, key or checkpoint was refused. Sealed so that callers can tell input that is not in the format at all
 * from a note that is well formed but not trustworthy; only this package throws them.
 */
public abstract sealed class NoteException extends RuntimeException
        permits NoteException.Malformed, NoteException.InvalidSignature, NoteException.Unverified {

    private NoteException(String message) {
        super(message);
    }

    /** The input breaks the format (note, signature line, key text or checkpoint); nothing in it was checked. */
    public static final class Malformed extends NoteException {
        Malformed(String message) {
            super(message);
        }
    }

    /** A signature by a known key does not verify: the text was altered or the signature forged. */
    public static final class InvalidSignature extends NoteException {
        private final String keyName;
        private final KeyId keyId;

        InvalidSignature(String keyName, KeyId keyId) {
            super("invalid signature for known key " + keyName + "+" + keyId);
            this.keyName = keyName;
            this.keyId = keyId;
        }

        public String keyName() {
            return keyName;
        }

        public KeyId keyId() {
            return keyId;
        }
    }

    /** Well formed, but no known key signed it, so its text must be ignored. */
    public static final class Unverified extends NoteException {
        Unverified() {
            super("note has no signature by a known key");
        }
    }
}
