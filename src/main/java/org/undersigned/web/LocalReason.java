package org.undersigned.web;

import java.util.Locale;

/** A refusal whose reason an error page can give in the reader's language. */
public interface LocalReason {

    /** Why, in the given language. */
    String detail(Locale locale);
}
