package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Counts are written as the reader's language writes numbers. */
class LocalNumbersTest {

    @Test
    void aCountIsGroupedTheWayItsLanguageGroupsDigits() {
        assertThat(LocalNumbers.localCount(1234, Locale.ENGLISH)).isEqualTo("1,234");
        assertThat(LocalNumbers.localCount(1234567, Locale.FRENCH))
                .matches("1\\s?.?234.?567")
                .doesNotContain(",");
        assertThat(LocalNumbers.localCount(7, null)).isEqualTo("7");
    }
}
