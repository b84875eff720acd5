package org.undersigned.transparency.note;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * SECRET: a named Ed25519 private key that signs notes. Anyone holding its seed or its text form can sign as this
 * key. The text form is Go's golang.org/x/mod/sumdb/note signer key,
 * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>}, for keeping the key in secret configuration.
 * {@link #toString()} never shows the secret, and no error message repeats the parsed text.
 */
public final class SignerKey {

    // the literal prefix keeps a private key from being pasted where a verifier key is expected
    private static final String PREFIX = "PRIVATE+KEY+";
    private static final String TEXT_FORM = "a signer key is PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>";

    private final Ed25519PrivateKeyParameters key;
    private final VerifierKey verifierKey;

    private SignerKey(String name, Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.verifierKey = VerifierKey.of(name, key.generatePublicKey().getEncoded());
    }

    public static SignerKey generate(String name) {
        return generate(name, new SecureRandom());
    }

    public static SignerKey generate(String name, SecureRandom random) {
        return new SignerKey(KeyName.require(name), Ed25519.generate(random));
    }

    /** The key for a 32-byte RFC 8032 seed (what Go calls {@code ed25519.PrivateKey.Seed()}). */
    public static SignerKey fromSeed(String name, byte[] seed) {
        return new SignerKey(KeyName.require(name), Ed25519.privateKey(seed));
    }

    public static SignerKey parse(String secretText) {
        if (secretText == null || !secretText.startsWith(PREFIX)) {
            throw Strict.malformed(TEXT_FORM);
        }
        String[] parts = secretText.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw Strict.malformed(TEXT_FORM);
        }
        KeyId id = KeyId.parse(parts[1]);
        SignerKey signer = fromSeed(KeyName.require(parts[0]), VerifierKey.typedKey(parts[2], "signer key"));
        // the text's ID is of the public key, so it can only be checked once that is derived from the seed
        if (!signer.id().equals(id)) {
            throw Strict.malformed("key ID does not match the key name and the public key of the seed");
        }
        return signer;
    }

    public String name() {
        return verifierKey.name();
    }

    public KeyId id() {
        return verifierKey.id();
    }

    /** The public half, safe to publish. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** SECRET: the 32-byte seed. */
    public byte[] seed() {
        return key.getEncoded();
    }

    /** SECRET: the {@code PRIVATE+KEY+...} text, for secret configuration only. */
    public String formatSecret() {
        return PREFIX + name() + "+" + id() + "+" + VerifierKey.typedKey(seed());
    }

    /** The 64-byte Ed25519 signature over exactly {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(key, message);
    }

    @Override
    public String toString() {
        return "SignerKey[" + name() + "+" + id() + ", secret redacted]";
    }
}
