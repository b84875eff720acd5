package org.undersigned.transparency.note;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * SECRET: a witness's Ed25519 cosigner key (tlog-cosignature, cosignature/v1). A cosignature states that, as of its
 * time, the checkpoint is the largest consistent tree the witness has seen for the log's origin.
 */
public final class Cosigner {

    private final byte[] seed;
    private final VerifierKey verifierKey;

    private Cosigner(String name, byte[] seed) {
        this.verifierKey = VerifierKey.cosigner(name, Ed25519.publicKeyOfSeed(seed));
        this.seed = seed.clone();
    }

    public static Cosigner generate(String name, SecureRandom random) {
        return new Cosigner(KeyName.require(name), Ed25519.newSeed(random));
    }

    /** The cosigner for a 32-byte RFC 8032 seed. */
    public static Cosigner fromSeed(String name, byte[] seed) {
        return new Cosigner(KeyName.require(name), seed);
    }

    /** The public half (a type 0x04 vkey), safe to publish. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** SECRET: the 32-byte seed. */
    public byte[] seed() {
        return seed.clone();
    }

    /**
     * The signature line cosigning the note text {@code body} (the checkpoint without signature lines) at
     * {@code timestamp}, POSIX seconds.
     */
    public NoteSignature cosign(byte[] body, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's time is a non-negative POSIX timestamp");
        }
        byte[] signature = Ed25519.signWithSeed(seed, VerifierKey.cosigned(body, timestamp));
        // tlog-cosignature §Format: timestamped_signature, the u64 timestamp big-endian, then the signature
        byte[] timestamped = ByteBuffer.allocate(8 + signature.length)
                .putLong(timestamp)
                .put(signature)
                .array();
        return new NoteSignature(verifierKey.name(), verifierKey.id(), timestamped);
    }

    @Override
    public String toString() {
        return "Cosigner[" + verifierKey.name() + "+" + verifierKey.id() + ", secret redacted]";
    }
}
