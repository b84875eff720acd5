package org.undersigned.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The public shapes of letters, shared by the JSON API and the pages. */
public final class LetterViews {

    private LetterViews() {}

    /** A line in the list of letters. */
    public record LetterSummary(
            String slug,
            String title,
            String summary,
            String status,
            String addressedTo,
            int latestVersion,
            OffsetDateTime latestPublished) {}

    /** A letter with the history of its versions, oldest first. */
    public record LetterDetail(
            String slug,
            String title,
            String summary,
            String status,
            String addressedTo,
            LocalDate opens,
            LocalDate closes,
            List<String> languages,
            List<Organiser> organisers,
            List<VersionInfo> versions) {

        public VersionInfo latest() {
            return versions.get(versions.size() - 1);
        }
    }

    public record Organiser(String name, String orcid) {}

    public record VersionInfo(
            int number, String textSha256, OffsetDateTime published, String changes, boolean carriesSignatures) {}

    /** One version's text: {@code markdown} is exactly the normalised body that {@code textSha256} hashes. */
    public record VersionText(
            int number,
            String markdown,
            String html,
            String textSha256,
            OffsetDateTime published,
            String changes,
            boolean carriesSignatures) {}

    /** A word-level comparison of two versions of one letter. */
    public record VersionDiff(
            LetterDetail letter, VersionInfo from, VersionInfo to, String html, int wordsAdded, int wordsRemoved) {}
}
