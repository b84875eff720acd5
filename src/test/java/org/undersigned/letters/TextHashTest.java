package org.undersigned.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextHashTest {

    @Test
    void crlfAndLoneCrBecomeLf() {
        assertEquals("a\nb\nc\n", TextHash.normalise("a\r\nb\rc\r\n"));
    }

    @Test
    void trailingSpacesAndTabsAreStrippedButIndentationIsKept() {
        assertEquals("  - item\n\tcode\n", TextHash.normalise("  - item \t \n\tcode\t"));
    }

    @Test
    void missingFinalNewlineIsAddedAndExtraOnesRemoved() {
        assertEquals("text\n", TextHash.normalise("text"));
        assertEquals("text\n", TextHash.normalise("text\n\n\n  \n"));
    }

    @Test
    void leadingBlankLinesAndByteOrderMarkAreRemovedInnerBlankLinesKept() {
        assertEquals("a\n\nb\n", TextHash.normalise("\uFEFF\n  \na\n\nb\n"));
    }

    @Test
    void hashIsSha256OfTheNormalisedUtf8TextAsSha256sumComputesIt() {
        // printf 'Hello\nWorld\n' | sha256sum
        assertEquals(
                "cc37937f1366919e300be784838d0f648684e2934fde66cd97e333ae51239761",
                TextHash.sha256(TextHash.normalise("Hello \r\nWorld")));
    }

    @Test
    void differentLineEndingsGiveTheSameHash() {
        assertEquals(TextHash.sha256(TextHash.normalise("x\ny\n")), TextHash.sha256(TextHash.normalise("x\r\ny")));
    }

    @Test
    void nonAsciiTextIsHashedAsUtf8() {
        // printf 'Zürich — ok\n' | sha256sum
        assertEquals(
                "f85f1ab5c852c2374a587b9c67998bcdbaef0b2e4f07db812c239879269232ff",
                TextHash.sha256(TextHash.normalise("Zürich — ok")));
    }
}
