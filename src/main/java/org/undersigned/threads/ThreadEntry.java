package org.undersigned.threads;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a letter's thread as published (from a file or by an organiser), before rendering. Claims are what
 * the entry asserts, which later entries may answer; points answer claims of the entry it responds to.
 */
public record ThreadEntry(
        String id,
        String kind,
        String title,
        String organisation,
        String author,
        LocalDate date,
        String url,
        Archived archived,
        String respondsTo,
        List<Claim> claims,
        List<Point> points,
        String body) {

    /** The same entry with another archived copy. */
    public ThreadEntry withArchived(Archived copy) {
        return new ThreadEntry(
                id, kind, title, organisation, author, date, url, copy, respondsTo, claims, points, body);
    }

    public static final List<String> KINDS = List.of("study", "response", "rebuttal", "statement", "letter-version");

    /** An archived copy of the original (a company's post may change or vanish): its hash and when it was taken. */
    public record Archived(String sha256, LocalDate retrieved) {}

    public record Claim(String id, String text) {}

    /** An answer to claim {@code claim} of the entry this one responds to; {@code body} is Markdown. */
    public record Point(String claim, String body) {}
}
