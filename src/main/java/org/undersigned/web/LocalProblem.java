package org.undersigned.web;

import jakarta.ws.rs.ClientErrorException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A 4xx that says why in the reader's language on the error page; its message (the API's problem detail) stays
 * English, as programs read it.
 */
public class LocalProblem extends ClientErrorException implements LocalReason {

    private final transient Function<ErrorMessages, String> why;

    public LocalProblem(int status, Function<ErrorMessages, String> why) {
        super(why.apply(Bundles.in(ErrorMessages.class, Locale.ENGLISH)), status);
        this.why = why;
    }

    @Override
    public String detail(Locale locale) {
        return why.apply(Bundles.in(ErrorMessages.class, locale));
    }
}
