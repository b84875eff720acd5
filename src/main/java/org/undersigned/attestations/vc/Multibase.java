package org.undersigned.attestations.vc;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58-btc (the {@code z} prefix) and the multicodec headers of Ed25519 keys, as Multikey uses them
 * (W3C Controlled Identifiers 1.0 §2.2.2 Multikey; vc-di-eddsa §2.1.1): {@code 0xed 0x01} before a public key,
 * {@code 0x80 0x26} before a secret seed.
 */
public final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final byte[] ED25519_PUBLIC = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_SECRET = {(byte) 0x80, 0x26};

    private Multibase() {}

    /** {@code z} and the base58-btc of the bytes (leading zero bytes as leading '1's). */
    public static String base58btc(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger radix = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(radix);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return "z" + out.reverse();
    }

    /** The bytes of a {@code z}-prefixed base58-btc text. */
    public static byte[] decodeBase58btc(String text) {
        if (text == null || !text.startsWith("z") || text.length() < 2) {
            throw new IllegalArgumentException("not a multibase base58-btc value (z...)");
        }
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (char c : text.substring(1).toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a base58-btc digit");
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }

    /** The Multikey {@code publicKeyMultibase} of a 32-byte Ed25519 public key ({@code z6Mk...}). */
    public static String ed25519PublicKey(byte[] key) {
        return base58btc(concat(ED25519_PUBLIC, key));
    }

    /** The 32-byte Ed25519 public key of a Multikey {@code publicKeyMultibase}. */
    public static byte[] ed25519PublicKey(String multibase) {
        return strip(decodeBase58btc(multibase), ED25519_PUBLIC, "an Ed25519 public key (0xed01)");
    }

    /** The 32-byte Ed25519 seed of a Multikey {@code secretKeyMultibase}. */
    public static byte[] ed25519Seed(String multibase) {
        return strip(decodeBase58btc(multibase), ED25519_SECRET, "an Ed25519 secret key (0x8026)");
    }

    private static byte[] strip(byte[] bytes, byte[] header, String what) {
        if (bytes.length != header.length + 32 || bytes[0] != header[0] || bytes[1] != header[1]) {
            throw new IllegalArgumentException("not " + what + " followed by 32 bytes");
        }
        return Arrays.copyOfRange(bytes, header.length, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
