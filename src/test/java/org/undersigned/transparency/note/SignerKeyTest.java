package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.note.Vectors.GO_TEXT;
import static org.undersigned.transparency.note.Vectors.PETER_LINE;
import static org.undersigned.transparency.note.Vectors.PETER_SKEY;
import static org.undersigned.transparency.note.Vectors.PETER_VKEY;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignerKeyTest {

    @Test
    void goReferenceSignerKeyYieldsItsVerifierKeyAndTheDocumentedSignature() {
        SignerKey peter = SignerKey.parse(PETER_SKEY);

        assertThat(peter.verifierKey().format()).isEqualTo(PETER_VKEY);
        // Ed25519 is deterministic, so the Go documentation's signed note must come out byte for byte
        assertThat(Note.sign(GO_TEXT, peter).format()).isEqualTo(GO_TEXT + "\n" + PETER_LINE);
    }

    @Test
    void secretTextFormatsBackByteForByte() {
        assertThat(SignerKey.parse(PETER_SKEY).formatSecret()).isEqualTo(PETER_SKEY);
    }

    @Test
    void generatedKeyRoundTripsThroughSeedAndSecretText() {
        SignerKey key = SignerKey.generate("log.example/one");
        SignerKey fromSeed = SignerKey.fromSeed("log.example/one", key.seed());
        SignerKey fromText = SignerKey.parse(key.formatSecret());

        assertThat(fromSeed.verifierKey()).isEqualTo(key.verifierKey());
        assertThat(fromText.verifierKey()).isEqualTo(key.verifierKey());
        assertThat(fromText.seed()).isEqualTo(key.seed()).hasSize(32);
        assertThat(key.formatSecret()).startsWith("PRIVATE+KEY+log.example/one+" + key.id() + "+");
    }

    @Test
    void twoGeneratedKeysDiffer() {
        assertThat(SignerKey.generate("a").seed())
                .isNotEqualTo(SignerKey.generate("a").seed());
    }

    @Test
    void signatureIsSixtyFourBytesAndVerifiesOnlyForTheSignedBytes() {
        SignerKey key = SignerKey.generate("log.example/one");
        byte[] message = "hi\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);

        assertThat(signature).hasSize(64);
        assertThat(key.verifierKey().verifies(message, signature)).isTrue();
        assertThat(key.verifierKey().verifies("hj\n".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        signature[0] ^= 1;
        assertThat(key.verifierKey().verifies(message, signature)).isFalse();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SignerKey peter = SignerKey.parse(PETER_SKEY);
        String seedBase64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

        assertThat(peter.toString())
                .contains("PeterNeumann", "c74f20a3", "redacted")
                .doesNotContain(seedBase64)
                .doesNotContain("PRIVATE");
    }

    @Test
    void refusalDoesNotRepeatTheSecretText() {
        String wrongId = PETER_SKEY.replace("c74f20a3", "c74f20a4");
        assertThatThrownBy(() -> SignerKey.parse(wrongId))
                .isInstanceOf(NoteException.Malformed.class)
                .hasMessageNotContaining("AYEKFALVFGyNhPJEMzD1QIDr");
    }

    @Test
    void everySingleByteChangeOfAGoodSignerKeyIsRefused() {
        char[] chars = PETER_SKEY.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> SignerKey.parse(mangled)).as(mangled).isInstanceOf(NoteException.class);
            chars[i]--;
        }
    }

    @Test
    void verifierKeyTextIsNotASignerKey() {
        assertThatThrownBy(() -> SignerKey.parse(PETER_VKEY)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> SignerKey.parse("PRIVATE+KEY+PeterNeumann+c74f20a3"))
                .isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void seedMustBeThirtyTwoBytesAndNameValid() {
        assertThatThrownBy(() -> SignerKey.fromSeed("a", new byte[31])).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> SignerKey.generate("a b")).isInstanceOf(NoteException.Malformed.class);
    }
}
