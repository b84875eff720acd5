package org.undersigned.transparency.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The 32-bit key ID that, with the key name, identifies a key in a signature line. Prints as 8 lower-case hex. */
public record KeyId(int value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8}");

    // signed-note §Ed25519 signatures: "key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]"
    public static KeyId ofEd25519(String name, byte[] publicKey) {
        return of(name, Ed25519.SIGNATURE_TYPE, publicKey);
    }

    // tlog-cosignature §Format: "SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]"
    public static KeyId ofCosigner(String name, byte[] publicKey) {
        return of(name, Ed25519.COSIGNATURE_TYPE, publicKey);
    }

    static KeyId of(String name, byte type, byte[] publicKey) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(KeyName.require(name).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(type);
        sha256.update(publicKey);
        // signed-note §Signatures: "the first four bytes (interpreted in big-endian order)"
        return new KeyId(ByteBuffer.wrap(sha256.digest()).getInt());
    }

    /**
     * Parses exactly eight lower-case hex digits, the form Go's note package writes ({@code %08x}); upper case and
     * other lengths are refused so that a key has one text form.
     */
    public static KeyId parse(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw Strict.malformed("key ID must be 8 lower-case hex digits");
        }
        return new KeyId(Integer.parseUnsignedInt(hex, 16));
    }

    // signed-note §Format: "the uint32 key ID stored in big-endian order"
    public byte[] toBytes() {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }
}
