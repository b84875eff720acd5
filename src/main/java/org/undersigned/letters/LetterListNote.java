package org.undersigned.letters;

import java.util.List;

/**
 * A line that another feature adds to a letter's entry on the home page (its count and when it was last signed), so
 * that the list can show it without this feature depending on theirs, as {@link LetterPageSection} does for a page.
 */
public interface LetterListNote {

    /** Safe HTML for the letter's entry, rendered by the owning feature's own template; empty for nothing. */
    String html(String slug);

    /**
     * Changes whenever {@link #html} would (the home page is cached per replica until a note's revision changes, or
     * for {@code undersigned.page.cache} at most).
     */
    default String revision(String slug) {
        return "";
    }

    /** {@link #revision} of each letter listed, in order: the home page asks for them all at every visit. */
    default List<String> revisions(List<String> slugs) {
        return slugs.stream().map(this::revision).toList();
    }
}
