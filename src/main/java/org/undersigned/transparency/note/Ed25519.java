package org.undersigned.transparency.note;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** All Bouncy Castle calls: plain RFC 8032 Ed25519 (signed-note §Ed25519 signatures). SignerKey only holds the key. */
final class Ed25519 {

    // signed-note §Signature types: "0x01 — Ed25519 signatures as specified by this document"
    static final byte SIGNATURE_TYPE = 0x01;

    // tlog-cosignature §Format: Ed25519 cosigner keys are vkeys "with signature type 0x04"
    static final byte COSIGNATURE_TYPE = 0x04;
    // signed-note §Ed25519 signatures: "the public key encoded as 32 bytes according to RFC 8032"; seeds are 32 too
    static final int KEY_BYTES = 32;

    private Ed25519() {}

    static Ed25519PrivateKeyParameters generate(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random);
    }

    static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
        if (seed == null || seed.length != KEY_BYTES) {
            throw Strict.malformed("an Ed25519 seed is 32 bytes");
        }
        return new Ed25519PrivateKeyParameters(seed);
    }

    static Ed25519PublicKeyParameters publicKey(byte[] encoded) {
        if (encoded == null || encoded.length != KEY_BYTES) {
            throw Strict.malformed("an Ed25519 public key is 32 bytes");
        }
        try {
            // Bouncy Castle refuses bytes that decode to no curve point, or to a small-order one
            return new Ed25519PublicKeyParameters(encoded);
        } catch (IllegalArgumentException e) {
            throw Strict.malformed("not a valid Ed25519 public key");
        }
    }

    // signed-note §Ed25519 signatures: "generated according to RFC 8032 over the note text"
    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False for any signature that is not 64 bytes or does not verify; never throws. */
    static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** A fresh 32-byte seed, for keys held as seeds outside this class. */
    static byte[] newSeed(SecureRandom random) {
        return generate(random).getEncoded();
    }

    /** The public key of a 32-byte seed. */
    static byte[] publicKeyOfSeed(byte[] seed) {
        return privateKey(seed).generatePublicKey().getEncoded();
    }

    static byte[] signWithSeed(byte[] seed, byte[] message) {
        return sign(privateKey(seed), message);
    }
}
