package org.undersigned.transparency.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    // tlog-checkpoint opening example, note text only
    private static final String HASH = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    private static final String SOFA = "example.com/behind-the-sofa\n20852163\n" + HASH + "\n";

    @Test
    void specExampleParsesIntoItsThreeParts() {
        Checkpoint checkpoint = Checkpoint.parse(SOFA);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.rootHash())
                .isEqualTo(Base64.getDecoder().decode(HASH))
                .hasSize(32);
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.format()).isEqualTo(SOFA);
    }

    @Test
    void extensionLinesRoundTrip() {
        String text = SOFA + "first extension\nsecond: \u00e9\n";
        Checkpoint checkpoint = Checkpoint.parse(text);

        assertThat(checkpoint.extensions()).containsExactly("first extension", "second: \u00e9");
        assertThat(checkpoint.format()).isEqualTo(text);
        assertThat(Checkpoint.parse(checkpoint.format())).isEqualTo(checkpoint).hasSameHashCodeAs(checkpoint);
    }

    @Test
    void emptyTreeHasSizeZeroAndLargestSizeFits() {
        byte[] emptyRoot = Base64.getDecoder().decode("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="); // SHA-256("")
        Checkpoint empty = new Checkpoint("log.example", 0, emptyRoot);
        assertThat(empty.format()).isEqualTo("log.example\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(Checkpoint.parse(empty.format())).isEqualTo(empty);
        assertThat(Checkpoint.parse("o\n" + Long.MAX_VALUE + "\n" + HASH + "\n").size())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rootHashCannotBeChangedThroughTheAccessorOrTheArgument() {
        byte[] hash = new byte[32];
        Checkpoint checkpoint = new Checkpoint("log.example", 1, hash);
        hash[0] = 1;
        checkpoint.rootHash()[1] = 1;
        assertThat(checkpoint.rootHash()).isEqualTo(new byte[32]);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com/behind-the-sofa\n20852163\n" + HASH, // no final newline
                "example.com/behind-the-sofa\n20852163\n", // no root hash
                "\n20852163\n" + HASH + "\n", // empty origin
                "example.com/behind-the-sofa\n020852163\n" + HASH + "\n", // leading zero
                "example.com/behind-the-sofa\n00\n" + HASH + "\n",
                "example.com/behind-the-sofa\n+20852163\n" + HASH + "\n", // sign
                "example.com/behind-the-sofa\n-1\n" + HASH + "\n",
                "example.com/behind-the-sofa\n 20852163\n" + HASH + "\n", // space
                "example.com/behind-the-sofa\n\u0662\u0660\n" + HASH
                        + "\n", // Arabic-Indic digits, which parseLong accepts
                "example.com/behind-the-sofa\n9223372036854775808\n" + HASH + "\n", // beyond a long
                "example.com/behind-the-sofa\n\n" + HASH + "\n", // empty size
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", // unpadded
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n", // 31 bytes
                "example.com/behind-the-sofa\n20852163\n" + HASH + "\n\n", // empty extension line
                "example.com/behind-the-sofa\n20852163\n" + HASH + "\nok\n\nafter blank\n",
                "example.com/behind-the-sofa\r\n20852163\n" + HASH + "\n", // carriage return
                "example.com/behind-the-sofa\n20852163\n" + HASH + "\nbell\u0007\n", // control character
            })
    void malformedCheckpointTextIsRefused(String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(NoteException.Malformed.class);
    }

    @Test
    void constructorRefusesWhatCouldNotBeFormattedBack() {
        byte[] hash = new byte[32];
        assertThatThrownBy(() -> new Checkpoint("", 1, hash)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, hash)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new Checkpoint("log", -1, hash)).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[31])).isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, hash, List.of("")))
                .isInstanceOf(NoteException.Malformed.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, hash, List.of("x\ny")))
                .isInstanceOf(NoteException.Malformed.class);
    }
}
