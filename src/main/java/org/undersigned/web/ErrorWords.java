package org.undersigned.web;

import java.util.Locale;
import java.util.function.Function;

/**
 * What an error says, in any language: the error page's words come from {@link ErrorMessages} in the reader's
 * language, the API's problems take them in English.
 */
final class ErrorWords {

    private ErrorWords() {}

    /** A detail in a language. */
    interface Detail extends Function<Locale, String> {}

    static Detail of(Function<ErrorMessages, String> words) {
        return locale -> words.apply(in(locale));
    }

    /** A text that has no words in other languages (an exception's own message). */
    static Detail fixed(String text) {
        return locale -> text;
    }

    static ErrorMessages in(Locale locale) {
        return Bundles.in(ErrorMessages.class, locale);
    }

    /** The error page's heading: the status's name. */
    static String title(ErrorMessages m, int status) {
        return switch (status) {
            case 400 -> m.badRequest();
            case 401 -> m.unauthorized();
            case 403 -> m.forbidden();
            case 404 -> m.notFound();
            case 405 -> m.methodNotAllowed();
            case 406 -> m.notAcceptable();
            case 409 -> m.conflict();
            case 410 -> m.gone();
            case 413 -> m.tooLarge();
            case 415 -> m.unsupportedType();
            case 429 -> m.tooManyRequests();
            case 500 -> m.internalError();
            case 503 -> m.unavailable();
            default -> m.error();
        };
    }

    /** What went wrong when the cause has no words of its own. */
    static Detail generic(int status) {
        return of(m -> switch (status) {
            case 404 -> m.nothingHere();
            case 405 -> m.wrongMethod();
            case 406 -> m.wrongFormat();
            case 415 -> m.sendJson();
            case 429 -> m.slowDown();
            default -> status >= 500 ? m.ourFault() : m.notProcessed();
        });
    }
}
