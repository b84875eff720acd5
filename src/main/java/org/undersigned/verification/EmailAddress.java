package org.undersigned.verification;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.IDNA;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as given and the mailbox it reaches (README: the address rules).
 *
 * <p>{@code value} is what mail is sent to: trimmed, the domain as its lower-case A-label (UTS #46 non-transitional
 * processing), the local part's case kept (RFC 5321 §2.4: it may matter to the receiving host). Only
 * {@code local@domain} with a dot-string local part (RFC 5321 §4.1.2, with UTF-8 as RFC 6531 §3.3 allows) is
 * accepted: no display names, angle brackets, quoted strings, comments, address literals or whitespace.
 *
 * <p>{@code mailbox} is the key for "one live signature per person per letter", per-address limits and new signer
 * ids: the local part case-folded, a {@code +tag} removed, and the provider rules of {@link MailboxProviders}
 * applied (Gmail ignores dots; googlemail.com is gmail.com). Catch-all domains can still mint addresses; the
 * per-domain sign-up limit is the answer to that.
 */
public record EmailAddress(String value, String mailbox) {

    /** What reading a typed address gave: an address, or why it is not one (for the person who typed it). */
    public sealed interface Reading permits Valid, Invalid {}

    public record Valid(EmailAddress address) implements Reading {}

    /** Why a typed address is not one; {@link #problem()} says it in English (the API's words). */
    public record Invalid(Flaw flaw) implements Reading {
        public String problem() {
            return flaw.english();
        }
    }

    /** What can be wrong with a typed address; pages say it in the reader's language (signatures.FieldProblem). */
    public enum Flaw {
        EMPTY("Please give your email address."),
        SPACES("An email address has no spaces" + EXAMPLE + "."),
        DECORATED("Give the address alone, without a name, quotes, brackets or comments" + EXAMPLE + "."),
        MALFORMED("This does not look like an email address" + EXAMPLE + "."),
        LOCAL_DOTS("The part before @ may not start or end with a dot or hold two dots in a row."),
        LOCAL_TOO_LONG("The part before @ can be at most " + LOCAL_MAX + " characters."),
        DOMAIN("The part after @ is not a full domain name" + EXAMPLE + "."),
        TOO_LONG("An email address can be at most " + ADDRESS_MAX + " characters.");

        private final String english;

        Flaw(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    public static final int LOCAL_MAX = 64;
    public static final int ADDRESS_MAX = 254;
    private static final String EXAMPLE = " (it should be like name@example.org)";

    // RFC 5321 §4.1.2 Dot-string = Atom *("." Atom); atext (RFC 5322 §3.2.3) plus UTF-8 (RFC 6531 §3.3)
    private static final Pattern DOT_STRING =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x{80}-\\x{10FFFF}]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-"
                    + "\\x{80}-\\x{10FFFF}]+)*");
    private static final Pattern DECORATION = Pattern.compile("[<>()\\[\\]\",;:\\\\]");
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    /** The address, if {@code raw} is one. */
    public static Optional<EmailAddress> parse(String raw) {
        return read(raw) instanceof Valid valid ? Optional.of(valid.address()) : Optional.empty();
    }

    public static Reading read(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return new Invalid(Flaw.EMPTY);
        }
        if (s.codePoints().anyMatch(EmailAddress::blankOrControl)) {
            return new Invalid(Flaw.SPACES);
        }
        if (DECORATION.matcher(s).find()) {
            return new Invalid(Flaw.DECORATED);
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return new Invalid(Flaw.MALFORMED);
        }
        String local = s.substring(0, at);
        if (!DOT_STRING.matcher(local).matches()) {
            return new Invalid(Flaw.LOCAL_DOTS);
        }
        if (local.getBytes(StandardCharsets.UTF_8).length > LOCAL_MAX) {
            return new Invalid(Flaw.LOCAL_TOO_LONG);
        }
        Optional<String> domain = aLabel(s.substring(at + 1));
        if (domain.isEmpty()) {
            return new Invalid(Flaw.DOMAIN);
        }
        String value = local + "@" + domain.get();
        if (value.getBytes(StandardCharsets.UTF_8).length > ADDRESS_MAX) {
            return new Invalid(Flaw.TOO_LONG);
        }
        return new Valid(new EmailAddress(value, MailboxProviders.key(local, domain.get())));
    }

    private static boolean blankOrControl(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    /** The domain as its lower-case A-label: at least two labels, the last one not numeric, no trailing dot. */
    private static Optional<String> aLabel(String domain) {
        if (domain.endsWith(".") || domain.startsWith(".")) {
            return Optional.empty();
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(domain, ascii, info);
        String name = ascii.toString();
        int dot = name.lastIndexOf('.');
        if (info.hasErrors()
                || dot < 1
                || name.length() - dot - 1 < 2
                || name.substring(dot + 1).matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The address's domain (an A-label). */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** The domain of the mailbox key, for the per-domain sign-up limit. */
    public String mailboxDomain() {
        return mailbox.substring(mailbox.lastIndexOf('@') + 1);
    }

    /** Case folding as Unicode defines it (ß folds to ss), for local parts. */
    static String fold(String local) {
        return UCharacter.foldCase(local, true);
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}
