package org.undersigned.signatures;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import org.undersigned.web.LinkMessages;
import org.undersigned.web.SignMessages;

/** The signing bundles in a language, for words said from Java (titles, form errors); English by default. */
final class Bundles {

    private Bundles() {}

    static SignMessages sign(Object locale) {
        return in(SignMessages.class, locale);
    }

    static LinkMessages link(Object locale) {
        return in(LinkMessages.class, locale);
    }

    private static <T> T in(Class<T> bundle, Object locale) {
        String tag = locale instanceof Locale l ? l.toLanguageTag() : "en";
        return tag.equals("en") ? MessageBundles.get(bundle) : MessageBundles.get(bundle, Localized.Literal.of(tag));
    }
}
