package org.undersigned.transparency.note;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** One signature line of a note: key name, key ID and the signature bytes, whether or not anyone verified them. */
public record NoteSignature(String name, KeyId keyId, byte[] signature) {

    // signed-note §Format: "em dash (U+2014), space (U+0020), key name, space, base64-encoded signature, newline"
    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        KeyName.require(name);
        if (keyId == null || signature == null || signature.length == 0) {
            throw Strict.malformed("a signature line needs a key ID and at least one signature byte");
        }
        signature = signature.clone();
    }

    /** Parses one signature line without its final newline. */
    public static NoteSignature parse(String line) {
        // signed-note §Signatures: a signature line is "— <key name> base64(32-bit key ID || signature)"
        if (line == null || !line.startsWith(PREFIX)) {
            throw Strict.malformed("a signature line starts with an em dash (U+2014) and a space");
        }
        int space = line.indexOf(' ', PREFIX.length());
        if (space < 0) {
            throw Strict.malformed("a signature line is \"— <key name> <base64 signature>\"");
        }
        String name = line.substring(PREFIX.length(), space);
        if (!KeyName.isValid(name)) {
            throw Strict.malformed("a signature line names an invalid key");
        }
        // signed-note §Format: "Signatures are the base64 encoding of 4+n bytes"; a second space fails as base64
        byte[] raw = Strict.base64(line.substring(space + 1), "a signature");
        if (raw.length < 5) {
            throw Strict.malformed("a signature is a 4-byte key ID and at least one signature byte");
        }
        // signed-note §Format: "The first four bytes in the signature are the uint32 key ID stored in big-endian order"
        KeyId keyId = new KeyId(ByteBuffer.wrap(raw).getInt());
        return new NoteSignature(name, keyId, Arrays.copyOfRange(raw, 4, raw.length));
    }

    /** The signature line without its final newline. */
    public String format() {
        byte[] raw = ByteBuffer.allocate(4 + signature.length)
                .put(keyId.toBytes())
                .put(signature)
                .array();
        return PREFIX + name + " " + Strict.base64(raw);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature sig
                && name.equals(sig.name)
                && keyId.equals(sig.keyId)
                && Arrays.equals(signature, sig.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + keyId.hashCode()) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return format();
    }
}
