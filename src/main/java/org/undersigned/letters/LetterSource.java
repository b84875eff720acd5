package org.undersigned.letters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A letter as read from {@code content/letters/<slug>/}, validated and ready to store. */
record LetterSource(
        String slug,
        Path directory,
        String title,
        String summary,
        LetterStatus status,
        String addressedTo,
        LocalDate opens,
        LocalDate closes,
        List<String> languages,
        List<Organiser> organisers,
        List<Version> versions,
        List<Long> milestones,
        String addresseeEmail,
        boolean addresseeMilestones) {

    record Organiser(String name, String orcid) {}

    /** One published version; {@code markdown} is the normalised body that {@code textSha256} hashes. */
    record Version(
            int number,
            OffsetDateTime published,
            String changes,
            boolean carriesSignatures,
            String markdown,
            String textSha256,
            Path file) {}
}
