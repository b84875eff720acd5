package org.undersigned.organisers;

/**
 * A way in that another feature adds to the organisers' sign-in page (the demo organiser, in dev mode), so that the
 * page can offer it without this feature depending on that one.
 */
public interface SignInChoice {

    /** Safe HTML for the sign-in page, rendered by the owning feature's own template; empty to offer nothing. */
    String html();
}
