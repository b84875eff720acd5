package org.undersigned.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Words and dates in the template's language: a value's label from the message bundle, a date with the month's name
 * in that language. Used by templates as {@code {x.localDate('d MMMM yyyy')}}.
 */
public final class LocalWords {

    private LocalWords() {}

    /** The messages in the language of the template being rendered (English outside a request). */
    public static Messages in(Object locale) {
        String tag = locale instanceof Locale l ? l.toLanguageTag() : "en";
        return tag.equals("en")
                ? MessageBundles.get(Messages.class)
                : MessageBundles.get(Messages.class, Localized.Literal.of(tag));
    }

    @TemplateExtension
    static String localDate(TemporalAccessor date, String pattern, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofPattern(pattern, locale instanceof Locale l ? l : Locale.ENGLISH)
                .format(date);
    }

    /** A letter's status ({@code open}, {@code closed}) in words. */
    @TemplateExtension
    static String statusLabel(String status, @TemplateAttribute("locale") Object locale) {
        Messages m = in(locale);
        return "closed".equals(status) ? m.statusClosed() : m.statusOpen();
    }
}
