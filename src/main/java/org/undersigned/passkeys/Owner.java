package org.undersigned.passkeys;

/** Whom a passkey lets in: an organiser account, or the signer of one signature. */
public sealed interface Owner {

    /** How the owner is stored: its kind and its id. */
    String kind();

    String id();

    /** An organiser or admin account, by subject (an ORCID iD or a chosen name). */
    record Organiser(String subject) implements Owner {
        public String kind() {
            return "organiser";
        }

        public String id() {
            return subject;
        }
    }

    /** The signer of one signature, by the signature's internal seq (never shown). */
    record Signer(long signatureSeq) implements Owner {
        public String kind() {
            return "signer";
        }

        public String id() {
            return Long.toString(signatureSeq);
        }
    }

    static Owner of(String kind, String id) {
        return switch (kind) {
            case "organiser" -> new Organiser(id);
            case "signer" -> new Signer(Long.parseLong(id));
            default -> throw new IllegalArgumentException("no owner kind " + kind);
        };
    }
}
