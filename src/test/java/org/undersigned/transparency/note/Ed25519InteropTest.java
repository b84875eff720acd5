package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDK's own Ed25519 (Java 15+, no Bouncy Castle) agrees with ours: the signatures are standard RFC 8032. */
class Ed25519InteropTest {

    // DER prefixes for an Ed25519 key (OID 1.3.101.112): X.509 SubjectPublicKeyInfo and PKCS #8 PrivateKeyInfo
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final SignerKey key = SignerKey.generate("log.example/interop");
    private final byte[] text =
            new Checkpoint("log.example/interop", 42, new byte[32]).format().getBytes(StandardCharsets.UTF_8);

    @Test
    void jdkVerifiesOurNoteSignatureWithTheRawPublicKey() throws Exception {
        Note note = Note.sign(new String(text, StandardCharsets.UTF_8), key);
        byte[] signature = note.signatures().get(0).signature();

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPublicKey(key.verifierKey().publicKey()));
        jdk.update(text);
        assertThat(jdk.verify(signature)).isTrue();

        jdk.initVerify(jdkPublicKey(key.verifierKey().publicKey()));
        jdk.update(text, 0, text.length - 1);
        assertThat(jdk.verify(signature))
                .as("the signature covers the final newline")
                .isFalse();
    }

    @Test
    void jdkSignatureFromTheSameSeedIsByteForByteOursAndVerifiesInANote() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(jdkPrivateKey(key.seed()));
        jdk.update(text);
        byte[] jdkSignature = jdk.sign();

        assertThat(jdkSignature).isEqualTo(key.sign(text));
        Note note = new Note(
                new String(text, StandardCharsets.UTF_8),
                List.of(new NoteSignature(key.name(), key.id(), jdkSignature)));
        assertThat(Note.open(note.format(), List.of(key.verifierKey())).signers())
                .containsExactly(key.verifierKey());
    }

    private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    }

    private static PrivateKey jdkPrivateKey(byte[] seed) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
