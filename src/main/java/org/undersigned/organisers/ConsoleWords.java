package org.undersigned.organisers;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.signatures.FraudSignals;

/** How the console writes times (UTC, to the minute: organisers compare them with logs) and rates. */
final class ConsoleWords {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleWords() {}

    /** A datetime-local field's value read as UTC; empty when blank; DateTimeParseException when unreadable. */
    static Optional<OffsetDateTime> utcField(String value) {
        return value == null || value.isBlank()
                ? Optional.empty()
                : Optional.of(LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC));
    }

    @TemplateExtension
    static String consoleTime(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    @TemplateExtension
    static String consoleInstant(java.time.Instant t) {
        return t == null ? "" : consoleTime(t.atOffset(ZoneOffset.UTC));
    }

    /** A usual count per window, to one decimal: digits only, the same in every language. */
    @TemplateExtension
    static String consoleRate(double rate) {
        return String.format(Locale.ROOT, "%.1f", rate);
    }

    /** What a signal counts and by what, as one key: SIGNUPS-network, CONFIRMATIONS-name... */
    @TemplateExtension
    static String label(FraudSignals.Signal s) {
        return s.kind().name() + "-" + s.dimension();
    }
}
