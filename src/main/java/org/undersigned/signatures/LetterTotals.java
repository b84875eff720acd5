package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A letter's verified count and its split by evidence level, for the organisers' dashboard. */
@ApplicationScoped
public class LetterTotals {

    /** The count and, per affiliation level (weakest first), how many of it. */
    public record Totals(long total, Map<String, Long> byLevel) {}

    private final Counts counts;
    private final SignableLetters letters;

    LetterTotals(Counts counts, SignableLetters letters) {
        this.counts = counts;
        this.letters = letters;
    }

    public Totals of(String slug) {
        Counts.Snapshot s = counts.of(letters.letter(slug).letterId());
        return new Totals(s.total(), s.byLevel());
    }
}
