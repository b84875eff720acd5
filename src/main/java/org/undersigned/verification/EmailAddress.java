package org.undersigned.verification;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in its normalised form, the key for "one live signature per person per letter".
 * Rules (also in the README): surrounding whitespace is removed and the whole address is lower-cased. Nothing
 * else is changed: dots and +tags are meaningful at most providers, so treating them as equal would merge people.
 */
public record EmailAddress(String value) {

    // deliberately simple: one @, no spaces, a dot in the domain; the confirmation mail is the real test
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 254 || !SHAPE.matcher(normalised).matches() || normalised.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(normalised));
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}
