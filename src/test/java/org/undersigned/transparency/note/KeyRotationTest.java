package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final String ORIGIN = "letters.example.org/log/a-letter";
    private final SignerKey old = SignerKey.fromSeed(ORIGIN, seed(1));
    private final SignerKey next = SignerKey.fromSeed(ORIGIN, seed(2));
    private final SignerKey stranger = SignerKey.fromSeed(ORIGIN, seed(3));

    @Test
    void aStatementSignedByBothKeysMovesTheTrustedKeyToTheNewOne() {
        String signed = new KeyRotation(old.verifierKey(), next.verifierKey()).sign(old, next);

        assertThat(signed)
                .startsWith("undersigned/key-rotation/v1\n" + old.verifierKey().format() + "\n"
                        + next.verifierKey().format() + "\n\n\u2014 " + ORIGIN + " ");
        assertThat(KeyRotation.open(signed, old.verifierKey()).to()).isEqualTo(next.verifierKey());
    }

    @Test
    void aStatementIsOpenedOnlyFromTheKeyItRotates() {
        String signed = new KeyRotation(old.verifierKey(), next.verifierKey()).sign(old, next);

        assertThatThrownBy(() -> KeyRotation.open(signed, stranger.verifierKey()))
                .isInstanceOf(NoteException.Malformed.class)
                .hasMessageContaining("not the trusted key");
    }

    @Test
    void aStatementWithoutTheOldKeysSignatureOrTheNewKeysIsRefused() {
        String text = new KeyRotation(old.verifierKey(), next.verifierKey()).text();

        assertThatThrownBy(() -> KeyRotation.open(Note.sign(text, next).format(), old.verifierKey()))
                .isInstanceOf(NoteException.Unverified.class);
        assertThatThrownBy(() -> KeyRotation.open(Note.sign(text, old).format(), old.verifierKey()))
                .isInstanceOf(NoteException.Unverified.class);
    }

    @Test
    void anAlteredStatementIsRefused() {
        String signed = new KeyRotation(old.verifierKey(), next.verifierKey()).sign(old, next);
        String altered = signed.replace(
                next.verifierKey().format(), stranger.verifierKey().format());

        assertThatThrownBy(() -> KeyRotation.open(altered, old.verifierKey())).isInstanceOf(NoteException.class);
    }

    @Test
    void malformedStatementsAreRefused() {
        assertThatThrownBy(() -> KeyRotation.parse(
                        "undersigned/key-rotation/v1\n" + old.verifierKey().format() + "\n"))
                .isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new KeyRotation(old.verifierKey(), old.verifierKey()))
                .isInstanceOf(NoteException.Malformed.class);
        SignerKey elsewhere = SignerKey.fromSeed("letters.example.org/log/another", seed(2));
        assertThatThrownBy(() -> new KeyRotation(old.verifierKey(), elsewhere.verifierKey()))
                .isInstanceOf(NoteException.Malformed.class)
                .hasMessageContaining("same origin");
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return seed;
    }
}
