package org.undersigned.transparency.note;

import java.util.Arrays;

/**
 * A public Ed25519 key with its name and key ID: what a verifier is configured with. Its text form is Go's
 * golang.org/x/mod/sumdb/note verifier key, {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
 */
public record VerifierKey(String name, KeyId id, byte[] publicKey) {

    private static final String TEXT_FORM = "a verifier key is <name>+<8 hex key ID>+<base64(0x01 || 32-byte key)>";

    /** Refuses a key ID that is not the one derived from the name and key, so a key text cannot be mislabelled. */
    public VerifierKey {
        KeyName.require(name);
        Ed25519.publicKey(publicKey);
        publicKey = publicKey.clone();
        if (!KeyId.ofEd25519(name, publicKey).equals(id)) {
            throw Strict.malformed("key ID does not match the key name and public key");
        }
    }

    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, KeyId.ofEd25519(name, publicKey), publicKey);
    }

    public static VerifierKey parse(String text) {
        // names hold no '+' and the hex none, but base64 may: split at the first two only
        String[] parts = text == null ? new String[0] : text.split("\\+", 3);
        if (parts.length != 3) {
            throw Strict.malformed(TEXT_FORM);
        }
        return new VerifierKey(KeyName.require(parts[0]), KeyId.parse(parts[1]), typedKey(parts[2], "verifier key"));
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
        byte[] typed = new byte[1 + key.length];
        typed[0] = Ed25519.SIGNATURE_TYPE;
        System.arraycopy(key, 0, typed, 1, key.length);
        return Strict.base64(typed);
    }

    public String format() {
        return name + "+" + id + "+" + typedKey(publicKey);
    }

    /** Whether {@code signature} is this key's Ed25519 signature over exactly {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return Ed25519.verify(Ed25519.publicKey(publicKey), message, signature);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key
                && name.equals(key.name)
                && id.equals(key.id)
                && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return format();
    }
}
