package org.undersigned.letters;

import java.time.LocalDate;

/** What signing needs to know about a letter: whether it takes signatures now, and its current text. */
public record SigningTarget(
        long letterId,
        String slug,
        String title,
        LetterStatus status,
        LocalDate opens,
        LocalDate closes,
        int version,
        String textSha256) {

    /** Why the letter does not take signatures today, or null when it does. */
    public String closedReason(LocalDate today) {
        if (status == LetterStatus.CLOSED || closes != null && today.isAfter(closes)) {
            return "This letter is closed and no longer takes signatures.";
        }
        if (status != LetterStatus.OPEN || opens != null && today.isBefore(opens)) {
            return "This letter is not open for signatures yet.";
        }
        return null;
    }
}
