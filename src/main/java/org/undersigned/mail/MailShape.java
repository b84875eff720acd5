package org.undersigned.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The bodies many mails share, with blanks where each mail differs (a name, a link). The outbox stores a shape once,
 * under its {@code id} (the SHA-256 of its bodies), and fills its blanks when the mail is sent: a surge of sign-ups
 * then queues a few hundred bytes a mail instead of two rendered bodies (docs/ARCHITECTURE.md, "Mail"). A blank is a
 * key between two U+0001 characters, which no value may hold.
 */
public record MailShape(String id, String text, String html) {

    private static final char MARK = '\u0001';

    /** Where the value for {@code key} goes in a shape's bodies. */
    public static String blank(String key) {
        return MARK + key + MARK;
    }

    public static MailShape of(String text, String html) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0); // where the text ends
            if (html != null) { // no HTML body is not an empty one
                sha.update((byte) 1);
                sha.update(html.getBytes(StandardCharsets.UTF_8));
            }
            return new MailShape(HexFormat.of().formatHex(sha.digest()), text, html);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The text body with each blank filled with its value as it is. */
    String text(Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(blank(v.getKey()), v.getValue());
        }
        return out;
    }

    /** The HTML body with each blank filled with its value escaped, as Qute escapes an expression in HTML. */
    String html(Map<String, String> values) {
        if (html == null) {
            return null;
        }
        String out = html;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(blank(v.getKey()), escapeHtml(v.getValue()));
        }
        return out;
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean fillable(String value) {
        return value != null && value.indexOf(MARK) < 0;
    }
}
