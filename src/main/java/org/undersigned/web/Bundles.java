package org.undersigned.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** A message bundle in a language, for words written from Java (English, the bundles' own, when none is given). */
public final class Bundles {

    private Bundles() {}

    /** {@code locale} is a {@link Locale} or anything else (a template's missing locale attribute: English). */
    public static <T> T in(Class<T> bundle, Object locale) {
        String tag = locale instanceof Locale l ? l.toLanguageTag() : "en";
        return tag.equals("en") ? MessageBundles.get(bundle) : MessageBundles.get(bundle, Localized.Literal.of(tag));
    }
}
