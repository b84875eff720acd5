package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.note.Vectors.ENOCH_LINE;
import static org.undersigned.transparency.note.Vectors.ENOCH_VKEY;
import static org.undersigned.transparency.note.Vectors.GO_TEXT;
import static org.undersigned.transparency.note.Vectors.PETER_LINE;
import static org.undersigned.transparency.note.Vectors.PETER_VKEY;
import static org.undersigned.transparency.note.Vectors.QUASIMODO_NOTE;
import static org.undersigned.transparency.note.Vectors.SOFA_NOTE;
import static org.undersigned.transparency.note.Vectors.SPEC_NOTE;
import static org.undersigned.transparency.note.Vectors.SPEC_TEXT;
import static org.undersigned.transparency.note.Vectors.SPEC_VKEY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteTest {

    private static final VerifierKey SPEC = VerifierKey.parse(SPEC_VKEY);
    private static final VerifierKey PETER = VerifierKey.parse(PETER_VKEY);
    private static final VerifierKey ENOCH = VerifierKey.parse(ENOCH_VKEY);
    private static final String DASH = "\u2014 ";

    @Test
    void specExampleNoteVerifiesWithTheSpecKey() {
        VerifiedNote opened = Note.open(SPEC_NOTE.getBytes(StandardCharsets.UTF_8), List.of(SPEC));

        assertThat(opened.text()).isEqualTo(SPEC_TEXT);
        assertThat(opened.signers()).containsExactly(SPEC);
        assertThat(opened.ignored()).isEmpty();
        assertThat(opened.note().format()).isEqualTo(SPEC_NOTE);
    }

    @Test
    void changingAnyOneByteOfTheSpecExampleTextFailsVerification() {
        byte[] message = SPEC_NOTE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < SPEC_TEXT.length() - 1; i++) {
            byte[] changed = message.clone();
            changed[i] ^= 0x01; // stays printable ASCII, so the note is still well formed
            assertThatThrownBy(() -> Note.open(changed, List.of(SPEC)))
                    .as("byte %d", i)
                    .isInstanceOf(NoteException.InvalidSignature.class);
        }
    }

    @Test
    void goExampleWithTwoSignaturesVerifiesTheKnownOneAndIgnoresTheOther() {
        String message = GO_TEXT + "\n" + PETER_LINE + ENOCH_LINE;

        VerifiedNote byPeter = Note.open(message, List.of(PETER));
        assertThat(byPeter.signers()).containsExactly(PETER);
        assertThat(byPeter.ignored()).extracting(NoteSignature::name).containsExactly("EnochRoot");

        VerifiedNote byBoth = Note.open(message, List.of(PETER, ENOCH));
        assertThat(byBoth.signers()).containsExactly(PETER, ENOCH);
        assertThat(byBoth.ignored()).isEmpty();
    }

    @Test
    void checkpointSignedWithAGeneratedKeyVerifiesWithItsVerifierKey() {
        SignerKey log = SignerKey.generate("log.example/undersigned");
        String text = new Checkpoint("log.example/undersigned", 7, new byte[32]).format();

        byte[] message = Note.sign(text, log).toBytes();
        VerifiedNote opened =
                Note.open(message, List.of(VerifierKey.parse(log.verifierKey().format())));

        assertThat(opened.text()).isEqualTo(text);
        assertThat(Checkpoint.parse(opened.text()).size()).isEqualTo(7);
        assertThat(Note.parse(message)).isEqualTo(opened.note());
    }

    @Test
    void noteSignedByAnotherKeyOfTheSameNameIsUnverified() {
        String message =
                Note.sign(SPEC_TEXT, SignerKey.generate("example.com/foo")).format();
        assertThatThrownBy(() -> Note.open(message, List.of(SPEC))).isInstanceOf(NoteException.Unverified.class);
    }

    @Test
    void noteWithNoKnownKeyIsUnverified() {
        assertThatThrownBy(() -> Note.open(SPEC_NOTE, List.of(PETER))).isInstanceOf(NoteException.Unverified.class);
        assertThatThrownBy(() -> Note.open(SPEC_NOTE, List.of())).isInstanceOf(NoteException.Unverified.class);
    }

    @Test
    void tamperedTextFailsEvenWhenAnotherKnownSignatureIsGood() {
        SignerKey a = SignerKey.generate("a.example");
        SignerKey b = SignerKey.generate("b.example");
        Note good = Note.sign("text\n", a);
        Note forged = Note.sign("other text\n", b);
        // a's line, taken from another text, beside b's good signature on this text
        String message = forged.format() + good.signatures().get(0).format() + "\n";

        assertThatThrownBy(() -> Note.open(message, List.of(a.verifierKey(), b.verifierKey())))
                .isInstanceOf(NoteException.InvalidSignature.class)
                .satisfies(e -> assertThat(((NoteException.InvalidSignature) e).keyName())
                        .isEqualTo("a.example"));
        assertThat(Note.open(message, List.of(b.verifierKey())).signers()).containsExactly(b.verifierKey());
    }

    @Test
    void tamperedSignatureFailsVerification() {
        Note note = Note.parse(SPEC_NOTE);
        NoteSignature original = note.signatures().get(0);
        byte[] bytes = original.signature();
        bytes[10] ^= 0x40;
        Note tampered = new Note(note.text(), List.of(new NoteSignature(original.name(), original.keyId(), bytes)));

        assertThatThrownBy(() -> Note.open(tampered.format(), List.of(SPEC)))
                .isInstanceOf(NoteException.InvalidSignature.class);
    }

    @Test
    void signatureOfWrongLengthByAKnownKeyIsInvalid() {
        Note note = Note.parse(SPEC_NOTE);
        NoteSignature cut = new NoteSignature("example.com/foo", SPEC.id(), new byte[63]);
        assertThatThrownBy(() -> new Note(note.text(), List.of(cut)).verify(List.of(SPEC)))
                .isInstanceOf(NoteException.InvalidSignature.class);
    }

    @Test
    void signatureSharingOnlyTheNameOrOnlyTheIdOfAKnownKeyIsIgnored() {
        SignerKey log = SignerKey.generate("log.example");
        Note signed = Note.sign("text\n", log);
        NoteSignature sameName =
                new NoteSignature("log.example", new KeyId(log.id().value() + 1), new byte[64]);
        NoteSignature sameId = new NoteSignature("other.example", log.id(), new byte[64]);
        List<NoteSignature> lines = new ArrayList<>(signed.signatures());
        lines.add(sameName);
        lines.add(sameId);

        VerifiedNote opened = new Note("text\n", lines).verify(List.of(log.verifierKey()));

        assertThat(opened.signers()).containsExactly(log.verifierKey());
        assertThat(opened.ignored()).containsExactly(sameName, sameId);
    }

    @Test
    void twoDifferentKnownKeysWithTheSameNameAndIdAreAConfigurationError() {
        // key IDs are 32 bits: this pair was found by a birthday search over seeds 0..68904 (little-endian counter)
        VerifierKey first = VerifierKey.of(
                "collision.example",
                HexFormat.of().parseHex("37e0c64f7e8f464a0f20384209308d8092b3e6524f918f047af6ade6e4374de6"));
        VerifierKey second = VerifierKey.of(
                "collision.example",
                HexFormat.of().parseHex("d17f37c4d0f22f320906dd8086502f7b5bc574a6adf2d47f5cb480d89dcd8eeb"));
        assertThat(first.id()).isEqualTo(second.id()).hasToString("7c6914b1");
        Note note = Note.parse(SPEC_NOTE);

        assertThatThrownBy(() -> note.verify(List.of(SPEC, first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collision.example+7c6914b1");
        // the same key listed twice is no ambiguity
        assertThat(note.verify(List.of(SPEC, first, first)).signers()).containsExactly(SPEC);
    }

    @Test
    void missingFinalNewlineIsMalformed() {
        String message = SPEC_NOTE.substring(0, SPEC_NOTE.length() - 1);
        assertMalformed(message);
    }

    @Test
    void hyphenOrEnDashInsteadOfEmDashIsMalformed() {
        assertMalformed(SPEC_NOTE.replace("\u2014", "-"));
        assertMalformed(SPEC_NOTE.replace("\u2014", "\u2013"));
        assertMalformed(SPEC_NOTE.replace("\u2014 ", "\u2014"));
        assertMalformed(SPEC_NOTE.replace("\u2014 ", "\u2014  "));
    }

    @Test
    void badBase64IsMalformed() {
        assertMalformed(SPEC_TEXT + "\n" + DASH + "example.com/foo not*base64\n");
        // the same signature without its padding, or with a line break inside
        assertMalformed(SPEC_NOTE.replace("aQM=\n", "aQM\n"));
        assertMalformed(SPEC_NOTE.replace("Uw2Q", "Uw2Q\n"));
        // non-zero pad bits: 'N' instead of 'M' before '=' decodes to the same bytes in lenient decoders
        assertMalformed(SPEC_NOTE.replace("aQM=", "aQN="));
    }

    @Test
    void signatureTooShortToHoldAKeyIdIsMalformed() {
        assertMalformed(SPEC_TEXT + "\n" + DASH + "example.com/foo AAAAAA==\n"); // four bytes: a key ID, no signature
    }

    @Test
    void signatureLineWithoutSpaceOrWithBadNameIsMalformed() {
        assertMalformed(SPEC_TEXT + "\n" + DASH + "example.com/foo\n");
        assertMalformed(SPEC_NOTE.replace("example.com/foo ", " ")); // empty name
        assertMalformed(SPEC_NOTE.replace("example.com/foo", "example.com+foo"));
        assertMalformed(SPEC_NOTE.replace("example.com/foo", "example.com/foo\u00a0x"));
        assertMalformed(SPEC_NOTE.replace("aQM=\n", "aQM= trailing\n"));
    }

    @Test
    void noteWithoutBlankLineOrSignaturesIsMalformed() {
        assertMalformed(SPEC_TEXT);
        assertMalformed(SPEC_TEXT + "\n");
        assertMalformed(SPEC_NOTE.replace("\n\n", "\n"));
        assertMalformed(SPEC_NOTE + "Unexpected line.\n");
        assertMalformed(SPEC_NOTE + "\n");
    }

    @Test
    void duplicateSignatureLineIsMalformed() {
        assertMalformed(SPEC_NOTE + SPEC_NOTE.substring(SPEC_NOTE.indexOf(DASH)));
    }

    @Test
    void controlCharactersAndInvalidUtf8AreMalformed() {
        assertMalformed("\u0001" + SPEC_NOTE);
        assertMalformed(SPEC_NOTE.replace("example message", "example\tmessage"));
        assertMalformed(SPEC_NOTE.replace(".\n", ".\r\n"));
        assertMalformed("a\uD800b\n" + SPEC_NOTE.substring(SPEC_TEXT.length()));
        byte[] bytes = SPEC_NOTE.getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[bytes.length + 1];
        invalid[0] = (byte) 0xff;
        System.arraycopy(bytes, 0, invalid, 1, bytes.length);
        assertThatThrownBy(() -> Note.parse(invalid)).isInstanceOf(NoteException.Malformed.class);
        byte[] overlong = SPEC_NOTE.getBytes(StandardCharsets.UTF_8);
        overlong[0] = (byte) 0xc0; // start of an overlong encoding
        assertThatThrownBy(() -> Note.parse(overlong)).isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void atLeastSixteenSignaturesAreAcceptedAndMoreThanTheLimitRefused() {
        List<SignerKey> signers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            signers.add(SignerKey.generate("witness" + i + ".example"));
        }
        String sixteen = Note.sign("text\n", signers).format();
        assertThat(Note.open(sixteen, List.of(signers.get(15).verifierKey())).ignored())
                .hasSize(15);

        StringBuilder tooMany = new StringBuilder("text\n\n");
        for (int i = 0; i <= Note.MAX_SIGNATURES; i++) {
            tooMany.append(new NoteSignature("w" + i, new KeyId(i), new byte[64]).format())
                    .append('\n');
        }
        assertMalformed(tooMany.toString());
        // refused for the count before any line is parsed, so a huge note costs no more than the limit
        String garbage = "text\n\n" + "x\n".repeat(Note.MAX_SIGNATURES + 1);
        assertThatThrownBy(() -> Note.parse(garbage))
                .isInstanceOf(NoteException.Malformed.class)
                .hasMessageContaining("at most " + Note.MAX_SIGNATURES);
    }

    @Test
    void textMayContainBlankLinesAndEndWithOne() {
        SignerKey key = SignerKey.generate("log.example");
        for (String text : new String[] {"a\n\nb\n", "a\n\n", "\n", "\u2014 not a signature\n\nx\n"}) {
            VerifiedNote opened = Note.open(Note.sign(text, key).format(), List.of(key.verifierKey()));
            assertThat(opened.text()).isEqualTo(text);
        }
    }

    @Test
    void specOpeningExamplesParseThoughTheirKeysAreUnpublished() {
        Note poem = Note.parse(QUASIMODO_NOTE);
        assertThat(poem.text()).endsWith("ed \u00e8 subito sera.\n").contains(":\n\ned");
        assertThat(poem.signatures())
                .singleElement()
                .satisfies(s -> assertThat(s.signature()).hasSize(64))
                .satisfies(s -> assertThat(s.name()).isEqualTo("quasimodo.example/salvatore"));
        assertThat(poem.format()).isEqualTo(QUASIMODO_NOTE);

        Note sofa = Note.parse(SOFA_NOTE);
        assertThat(Checkpoint.parse(sofa.text()).size()).isEqualTo(20852163L);
        assertThatThrownBy(() -> sofa.verify(List.of(SPEC))).isInstanceOf(NoteException.Unverified.class);
    }

    @Test
    void signingRefusesTextThatIsNotNoteText() {
        SignerKey key = SignerKey.generate("log.example");
        assertThatThrownBy(() -> Note.sign("no newline", key)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> Note.sign("", key)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> Note.sign("bell\u0007\n", key)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> Note.sign("text\n")).isInstanceOf(NoteException.Malformed.class);
    }

    private static void assertMalformed(String message) {
        assertThatThrownBy(() -> Note.open(message, List.of(SPEC, PETER)))
                .as(message)
                .isInstanceOf(NoteException.Malformed.class);
    }
}
