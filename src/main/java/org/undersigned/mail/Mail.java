package org.undersigned.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A mail ready to queue: rendered by the feature that owns its template. {@code listUnsubscribe}, when set, is an
 * https URL that unsubscribes with one POST (RFC 8058), for mails a person asked for (news). {@code tag}, when set,
 * says what the mail is about without personal data; it outlives a mail that could not be delivered
 * ({@link Outbox#undelivered}). {@code language}, when set, is the language tag the mail is written in, sent as its
 * Content-Language header.
 */
public record Mail(
        String to, String subject, String text, String html, String listUnsubscribe, String tag, String language) {

    public Mail(String to, String subject, String text, String html) {
        this(to, subject, text, html, null, null, null);
    }

    public Mail withListUnsubscribe(String url) {
        return new Mail(to, subject, text, html, url, tag, language);
    }

    public Mail tagged(String tag) {
        return new Mail(to, subject, text, html, listUnsubscribe, tag, language);
    }

    public Mail inLanguage(String tag) {
        return new Mail(to, subject, text, html, listUnsubscribe, this.tag, tag);
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** The links in the text body, for the dev-mode mailbox page. */
    public List<String> links() {
        return LINK.matcher(text == null ? "" : text)
                .results()
                .map(r -> r.group())
                .toList();
    }
}
