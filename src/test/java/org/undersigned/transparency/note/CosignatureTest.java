package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Witness cosignatures (C2SP tlog-cosignature, cosignature/v1 over Ed25519) on checkpoints. */
class CosignatureTest {

    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String BODY =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private final Cosigner witness = Cosigner.fromSeed("witness.example.com/w1", seed(1));

    @Test
    void theKeyIdIsTheFirstFourBytesOfTheHashOfNameNewlineTypeFourAndKey() throws Exception {
        byte[] key = witness.verifierKey().publicKey();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("witness.example.com/w1\n".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x04);
        byte[] expected = Arrays.copyOf(sha256.digest(key), 4);
        assertThat(witness.verifierKey().id().toBytes()).isEqualTo(expected);
        assertThat(witness.verifierKey().id())
                .isNotEqualTo(VerifierKey.of("witness.example.com/w1", key).id());
    }

    @Test
    void aCosignerKeyTextCarriesTypeFourAndParsesBack() {
        String text = witness.verifierKey().format();
        String[] parts = text.split("\\+", 3); // base64 may hold '+' itself
        assertThat(Base64.getDecoder().decode(parts[2])[0]).isEqualTo((byte) 0x04);
        VerifierKey parsed = VerifierKey.parse(text);
        assertThat(parsed).isEqualTo(witness.verifierKey());
        assertThat(parsed.cosigner()).isTrue();
        String typeTwo = parts[0] + "+" + parts[1] + "+"
                + Base64.getEncoder().encodeToString(withType((byte) 0x02, parsed.publicKey()));
        assertThatThrownBy(() -> VerifierKey.parse(typeTwo)).isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeLineAndTheWholeBody() throws Exception {
        NoteSignature line = witness.cosign(BODY.getBytes(StandardCharsets.UTF_8), 1679315147L);
        byte[] raw = line.signature();
        assertThat(raw).hasSize(72);
        assertThat(ByteBuffer.wrap(raw).getLong()).isEqualTo(1679315147L);
        // checked with the JDK's own Ed25519, over the message as the spec spells it
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        concat(SPKI_PREFIX, witness.verifierKey().publicKey()))));
        jdk.update(("cosignature/v1\ntime 1679315147\n" + BODY).getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(Arrays.copyOfRange(raw, 8, 72))).isTrue();
        assertThat(VerifierKey.cosignatureTime(raw)).isEqualTo(1679315147L);
    }

    @Test
    void aCheckpointSignedByTheLogAndTwoWitnessesVerifiesWithAnyOfTheirKeys() {
        SignerKey log = SignerKey.fromSeed("example.com/behind-the-sofa", seed(2));
        Cosigner other = Cosigner.fromSeed("news.example/witness", seed(3));
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String note = BODY + "\n"
                + new NoteSignature(log.name(), log.id(), log.sign(body)).format() + "\n"
                + witness.cosign(body, 1700000000L).format() + "\n"
                + other.cosign(body, 1700000001L).format() + "\n";

        VerifiedNote all = Note.open(note, List.of(log.verifierKey(), witness.verifierKey(), other.verifierKey()));
        assertThat(all.signers()).hasSize(3);
        // a journalist holding only witness keys still checks the witnesses' lines
        assertThat(Note.open(note, List.of(witness.verifierKey())).signers()).containsExactly(witness.verifierKey());
    }

    @Test
    void aChangedTimestampOrBodyOrANoteSignatureUnderTheWitnessNameIsRefused() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] good = witness.cosign(body, 1700000000L).signature();
        byte[] later = good.clone();
        ByteBuffer.wrap(later).putLong(1700000001L);
        NoteSignature moved = new NoteSignature(
                witness.verifierKey().name(), witness.verifierKey().id(), later);
        assertThatThrownBy(() -> Note.open(BODY + "\n" + moved.format() + "\n", List.of(witness.verifierKey())))
                .isInstanceOf(NoteException.InvalidSignature.class);

        String otherBody = BODY.replace("20852163", "20852164");
        NoteSignature line = witness.cosign(body, 1700000000L);
        assertThatThrownBy(() -> Note.open(otherBody + "\n" + line.format() + "\n", List.of(witness.verifierKey())))
                .isInstanceOf(NoteException.InvalidSignature.class);

        // the same key signing as a plain note key (no timestamp, another message) is not a cosignature
        SignerKey plain = SignerKey.fromSeed("witness.example.com/w1", seed(1));
        byte[] bare = plain.sign(body);
        NoteSignature forged = new NoteSignature(
                witness.verifierKey().name(),
                witness.verifierKey().id(),
                concat(ByteBuffer.allocate(8).putLong(0).array(), bare));
        assertThatThrownBy(() -> Note.open(BODY + "\n" + forged.format() + "\n", List.of(witness.verifierKey())))
                .isInstanceOf(NoteException.InvalidSignature.class);

        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).putLong(Long.MIN_VALUE);
        assertThat(witness.verifierKey().verifies(body, negative)).isFalse();
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        new Random(n).nextBytes(seed);
        return seed;
    }

    private static byte[] withType(byte type, byte[] key) {
        return concat(new byte[] {type}, key);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
