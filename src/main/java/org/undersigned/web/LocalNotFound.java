package org.undersigned.web;

import jakarta.ws.rs.NotFoundException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A 404 that says why in the reader's language on the error page; its message (the API's problem detail) stays
 * English.
 */
public class LocalNotFound extends NotFoundException implements LocalReason {

    private final transient Function<ReaderMessages, String> why;

    public LocalNotFound(Function<ReaderMessages, String> why) {
        super(why.apply(Bundles.in(ReaderMessages.class, Locale.ENGLISH)));
        this.why = why;
    }

    @Override
    public String detail(Locale locale) {
        return why.apply(Bundles.in(ReaderMessages.class, locale));
    }
}
