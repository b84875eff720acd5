package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.note.Vectors.ENOCH_VKEY;
import static org.undersigned.transparency.note.Vectors.PETER_VKEY;
import static org.undersigned.transparency.note.Vectors.SPEC_VKEY;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierKeyTest {

    @Test
    void specExampleKeyParsesAndItsKeyIdIsRecomputedFromNameAndPublicKey() {
        VerifierKey key = VerifierKey.parse(SPEC_VKEY);

        assertThat(key.name()).isEqualTo("example.com/foo");
        assertThat(key.publicKey()).hasSize(32);
        assertThat(KeyId.ofEd25519("example.com/foo", key.publicKey())).hasToString("530d903a");
        assertThat(key.id()).isEqualTo(new KeyId(0x530d903a));
    }

    @Test
    void goReferenceKeysParseAndFormatBackByteForByte() {
        for (String text : new String[] {SPEC_VKEY, PETER_VKEY, ENOCH_VKEY}) {
            assertThat(VerifierKey.parse(text).format()).isEqualTo(text);
        }
        assertThat(VerifierKey.parse(PETER_VKEY).id()).isEqualTo(new KeyId(0xc74f20a3));
    }

    @Test
    void keyMadeFromNameAndPublicKeyEqualsTheParsedOne() {
        VerifierKey parsed = VerifierKey.parse(SPEC_VKEY);
        VerifierKey made = VerifierKey.of("example.com/foo", parsed.publicKey());

        assertThat(made).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(made.format()).isEqualTo(SPEC_VKEY);
    }

    @Test
    void keyIdDependsOnTheName() {
        byte[] publicKey = VerifierKey.parse(SPEC_VKEY).publicKey();
        assertThat(KeyId.ofEd25519("example.com/bar", publicKey)).isNotEqualTo(new KeyId(0x530d903a));
    }

    @Test
    void publicKeyCannotBeChangedThroughTheAccessor() {
        VerifierKey key = VerifierKey.parse(SPEC_VKEY);
        key.publicKey()[0] ^= 1;
        assertThat(key.format()).isEqualTo(SPEC_VKEY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com/foo",
                "example.com/foo+530d903a",
                "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // wrong key ID
                "example.com/bar+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // other name, same ID
                "example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // upper-case hex
                "example.com/foo+0530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // nine hex digits
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2", // base64 cut short
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k=", // base64 too long
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k ", // trailing space
                "example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // signature type byte 0x02
                " example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // name with a space
                "+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", // empty name
            })
    void malformedVerifierKeyTextIsRefused(String text) {
        assertThatThrownBy(() -> VerifierKey.parse(text)).isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void everySingleByteChangeOfAGoodKeyIsRefused() {
        // as Go's TestNewVerifier: bumping any character must break the name, ID, encoding or key
        char[] chars = PETER_VKEY.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> VerifierKey.parse(mangled)).as(mangled).isInstanceOf(NoteException.class);
            chars[i]--;
        }
    }

    @Test
    void keyThatIsNotACurvePointIsRefused() {
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);
        assertThatThrownBy(() -> VerifierKey.of("example.com/foo", notAPoint))
                .isInstanceOf(NoteException.Malformed.class)
                .hasMessageContaining("not a valid Ed25519 public key");
        String typed = Base64.getEncoder().encodeToString(prepend((byte) 1, notAPoint));
        String text = "example.com/foo+" + KeyId.ofEd25519("example.com/foo", notAPoint) + "+" + typed;
        assertThatThrownBy(() -> VerifierKey.parse(text)).isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void keyNamesFollowTheSpecRules() {
        assertThat(KeyName.isValid("example.com/log42")).isTrue();
        assertThat(KeyName.isValid("\u00e9t\u00e9.example/\uD83D\uDE00")).isTrue();
        assertThat(KeyName.isValid("")).isFalse();
        assertThat(KeyName.isValid(null)).isFalse();
        assertThat(KeyName.isValid("a+b")).isFalse();
        assertThat(KeyName.isValid("a b")).isFalse();
        assertThat(KeyName.isValid("a\tb")).isFalse();
        assertThat(KeyName.isValid("a\u00a0b")).as("no-break space").isFalse();
        assertThat(KeyName.isValid("a\u2007b")).as("figure space").isFalse();
        assertThat(KeyName.isValid("a\u3000b")).as("ideographic space").isFalse();
        assertThat(KeyName.isValid("a\u0001b")).as("control character").isFalse();
        assertThat(KeyName.isValid("a\uD800b")).as("lone surrogate").isFalse();
    }

    @Test
    void keyIdTextIsEightLowerCaseHexDigits() {
        assertThat(new KeyId(0x0000abcd)).hasToString("0000abcd");
        assertThat(KeyId.parse("ffffffff")).isEqualTo(new KeyId(-1));
        assertThat(new KeyId(0x530d903a).toBytes()).containsExactly(0x53, 0x0d, 0x90, 0x3a);
        assertThatThrownBy(() -> KeyId.parse("abcd")).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> KeyId.parse("+bcdef01")).isInstanceOf(NoteException.Malformed.class);
    }

    static byte[] prepend(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
