package org.undersigned.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void changedWordIsMarkedDeletedAndInserted() {
        WordDiff.Result r = WordDiff.between("stop selling to police now", "stop selling to agencies now");
        assertEquals("stop selling to <del>police</del><ins>agencies</ins> now", r.html());
        assertEquals(1, r.wordsAdded());
        assertEquals(1, r.wordsRemoved());
    }

    @Test
    void punctuationIsItsOwnTokenSoOnlyTheCommaIsMarked() {
        assertEquals(
                "police<ins>,</ins> and",
                WordDiff.between("police and", "police, and").html());
    }

    @Test
    void identicalTextsHaveNoMarks() {
        WordDiff.Result r = WordDiff.between("same text\nhere\n", "same text\nhere\n");
        assertEquals("same text\nhere\n", r.html());
        assertEquals(0, r.wordsAdded() + r.wordsRemoved());
    }

    @Test
    void textIsEscapedSoADiffCannotInjectMarkup() {
        String html = WordDiff.between("a", "a <script>alert('x')</script>").html();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void appendedAndRemovedParagraphsAreWholeRuns() {
        WordDiff.Result r = WordDiff.between("One.\n\nTwo.\n", "One.\n");
        assertThat(r.html()).startsWith("One.").contains("<del>");
        assertEquals(1, r.wordsRemoved());
    }
}
