package org.undersigned.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.text.NumberFormat;
import java.util.Locale;

/** Counts as the template's language writes them (1,234 in English, 1 234 in French): {@code {n.localCount}}. */
public final class LocalNumbers {

    private LocalNumbers() {}

    @TemplateExtension
    static String localCount(long n, @TemplateAttribute("locale") Object locale) {
        return NumberFormat.getIntegerInstance(locale instanceof Locale l ? l : Locale.ENGLISH)
                .format(n);
    }
}
