package org.undersigned.attestations.dsse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * SECRET: signs DSSE envelopes with one Ed25519 key (RFC 8032, pure Ed25519 over the PAE bytes). Anyone holding the
 * seed can sign as this key; nothing here prints it.
 */
public final class DsseSigner {

    private static final int SEED_BYTES = 32;
    // DER SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 1.3.101.112 }, BIT STRING (32 bytes) }, RFC 8410 §4
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Ed25519PrivateKeyParameters key;
    private final byte[] publicKey;

    /** The key for a 32-byte RFC 8032 seed. */
    public DsseSigner(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        this.key = new Ed25519PrivateKeyParameters(seed);
        this.publicKey = key.generatePublicKey().getEncoded();
    }

    /** One signature over PAE(payloadType, payload), in an envelope carrying the payload. */
    public Envelope sign(String payloadType, byte[] payload) {
        byte[] message = Pae.encode(payloadType, payload);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        Base64.Encoder base64 = Base64.getEncoder();
        return new Envelope(
                payloadType,
                base64.encodeToString(payload),
                List.of(new Envelope.Signature(keyId(), base64.encodeToString(signer.generateSignature()))));
    }

    /**
     * Lower-case hex SHA-256 of the raw 32-byte public key. DSSE leaves the key ID to the parties; this one anyone can
     * recompute from the PEM (its last 32 bytes) with sha256sum, and it names the key alone, unlike the signed-note
     * key ID, which also hashes a key name.
     */
    public String keyId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The raw 32-byte RFC 8032 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as a PEM SubjectPublicKeyInfo (RFC 7468 §13), what {@code openssl pkey -pubin} reads. */
    public String publicKeyPem() {
        byte[] der = new byte[SPKI_PREFIX.length + publicKey.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(publicKey, 0, der, SPKI_PREFIX.length, publicKey.length);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "DsseSigner[" + keyId() + ", secret redacted]";
    }
}
