package org.undersigned.letters;

/**
 * A block that another feature adds to a letter's page (signing form, counts, thread), so that the page can show
 * them without this feature depending on theirs. Sections are shown in ascending {@link #order()}.
 */
public interface LetterPageSection {

    int order();

    /** Safe HTML for the letter's page, rendered by the owning feature's own template. */
    String html(String slug);

    /**
     * Changes whenever {@link #html} would change (the letter page is cached per replica until a section's revision
     * changes, or for a second at most).
     */
    default String revision(String slug) {
        return "";
    }
}
