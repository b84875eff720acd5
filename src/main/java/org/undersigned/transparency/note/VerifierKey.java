package org.undersigned.transparency.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A public Ed25519 key with its name and key ID: what a verifier is configured with. Its text form is Go's
 * golang.org/x/mod/sumdb/note verifier key, {@code <name>+<hex key ID>+<base64(type || public key)>}; the type is
 * 0x01 for a key that signs notes (signed-note) and 0x04 for a witness's cosignature/v1 key (tlog-cosignature).
 */
public record VerifierKey(String name, KeyId id, byte[] publicKey, byte type) {

    private static final String TEXT_FORM =
            "a verifier key is <name>+<8 hex key ID>+<base64(0x01 or 0x04 || 32-byte key)>";
    // tlog-cosignature §Format: a timestamped_signature is a u64 timestamp and a 64-byte Ed25519 signature
    private static final int COSIGNATURE_BYTES = 8 + 64;

    /** Refuses a key ID that is not the one derived from the name and key, so a key text cannot be mislabelled. */
    public VerifierKey {
        KeyName.require(name);
        Ed25519.publicKey(publicKey);
        publicKey = publicKey.clone();
        if (type != Ed25519.SIGNATURE_TYPE && type != Ed25519.COSIGNATURE_TYPE) {
            throw Strict.malformed("a verifier key is of type 0x01 (Ed25519) or 0x04 (Ed25519 cosignature/v1)");
        }
        if (!KeyId.of(name, type, publicKey).equals(id)) {
            throw Strict.malformed("key ID does not match the key name and public key");
        }
    }

    /** A key that signs notes (type 0x01). */
    public VerifierKey(String name, KeyId id, byte[] publicKey) {
        this(name, id, publicKey, Ed25519.SIGNATURE_TYPE);
    }

    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, KeyId.ofEd25519(name, publicKey), publicKey);
    }

    /** A witness's cosignature/v1 key (type 0x04). */
    public static VerifierKey cosigner(String name, byte[] publicKey) {
        return new VerifierKey(name, KeyId.ofCosigner(name, publicKey), publicKey, Ed25519.COSIGNATURE_TYPE);
    }

    public static VerifierKey parse(String text) {
        // names hold no '+' and the hex none, but base64 may: split at the first two only
        String[] parts = text == null ? new String[0] : text.split("\\+", 3);
        if (parts.length != 3) {
            throw Strict.malformed(TEXT_FORM);
        }
        byte[] typed = Strict.base64(parts[2], "verifier key");
        if (typed.length != 1 + Ed25519.KEY_BYTES) {
            throw Strict.malformed("verifier key must be a type byte and 32 key bytes");
        }
        return new VerifierKey(
                KeyName.require(parts[0]), KeyId.parse(parts[1]), Arrays.copyOfRange(typed, 1, typed.length), typed[0]);
    }

    /** The 32 key bytes from {@code base64(0x01 || key)}; also reads the seed of a signer key text. */
    static byte[] typedKey(String base64, String what) {
        byte[] typed = Strict.base64(base64, what);
        if (typed.length == 0 || typed[0] != Ed25519.SIGNATURE_TYPE) {
            // signed-note §Signature types: only 0x01 (Ed25519) is supported here
            throw Strict.malformed(what + " is not of signature type 0x01 (Ed25519)");
        }
        if (typed.length != 1 + Ed25519.KEY_BYTES) {
            throw Strict.malformed(what + " must hold 32 key bytes");
        }
        return Arrays.copyOfRange(typed, 1, typed.length);
    }

    static String typedKey(byte[] key) {
        return typedKey(Ed25519.SIGNATURE_TYPE, key);
    }

    static String typedKey(byte type, byte[] key) {
        byte[] typed = new byte[1 + key.length];
        typed[0] = type;
        System.arraycopy(key, 0, typed, 1, key.length);
        return Strict.base64(typed);
    }

    public boolean cosigner() {
        return type == Ed25519.COSIGNATURE_TYPE;
    }

    public String format() {
        return name + "+" + id + "+" + typedKey(type, publicKey);
    }

    /**
     * Whether {@code signature} is this key's signature on the note text {@code message}: an Ed25519 signature over
     * exactly the text for a note key; for a cosigner key, a timestamped cosignature/v1 over it.
     */
    public boolean verifies(byte[] message, byte[] signature) {
        if (!cosigner()) {
            return Ed25519.verify(Ed25519.publicKey(publicKey), message, signature);
        }
        if (signature.length != COSIGNATURE_BYTES) {
            return false;
        }
        long timestamp = ByteBuffer.wrap(signature).getLong();
        if (timestamp < 0) { // tlog-cosignature §Format: "It MUST NOT exceed 2^63 - 1"
            return false;
        }
        return Ed25519.verify(
                Ed25519.publicKey(publicKey),
                cosigned(message, timestamp),
                Arrays.copyOfRange(signature, 8, signature.length));
    }

    /** The timestamp a cosignature carries (POSIX seconds), for a signature this key verified. */
    public static long cosignatureTime(byte[] signature) {
        if (signature.length != COSIGNATURE_BYTES) {
            throw Strict.malformed("a cosignature is an 8-byte timestamp and a 64-byte signature");
        }
        return ByteBuffer.wrap(signature).getLong();
    }

    // tlog-cosignature §Ed25519 signed message: "cosignature/v1", "time <t>", then the whole checkpoint body
    static byte[] cosigned(byte[] body, long timestamp) {
        byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        return message;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key
                && type == key.type
                && name.equals(key.name)
                && id.equals(key.id)
                && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(publicKey)) + type;
    }

    @Override
    public String toString() {
        return format();
    }
}
