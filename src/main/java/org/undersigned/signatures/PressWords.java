package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;

/** How milestone dates are written: the UTC day, in digits (the same in every language, inside a time element). */
final class PressWords {

    private PressWords() {}

    @TemplateExtension
    static String readerDate(Instant t) {
        return t == null ? "" : t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
