package org.undersigned.letters;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a letter is in its life: drafts are not public, open letters take signatures, closed ones are kept. */
public enum LetterStatus {
    DRAFT,
    OPEN,
    CLOSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<LetterStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text)).findFirst();
    }
}
