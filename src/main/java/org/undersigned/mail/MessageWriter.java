package org.undersigned.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes a queued mail as the text an SMTP DATA command carries (RFC 5322 headers, RFC 2045-2047 MIME): a text part,
 * and an HTML alternative when there is one, both UTF-8 in quoted-printable. No line of the result starts with a dot,
 * so it needs no dot-stuffing (RFC 5321 section 4.5.2), and every line ends with CRLF. Written in one pass into one
 * string, so the whole message goes to the relay in one write (docs/ARCHITECTURE.md#mail).
 */
final class MessageWriter {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** RFC 2045 section 6.7 (5): encoded lines are at most 76 characters, the soft break's "=" included. */
    private static final int LINE = 76;

    private MessageWriter() {}

    /** What the message says beyond its bodies. {@code from} is a header value such as {@code Name <a@b.org>}. */
    record Headers(
            String from,
            String to,
            String subject,
            String messageId,
            String language,
            String listUnsubscribe,
            ZonedDateTime date) {}

    static String write(Headers h, String text, String html) {
        StringBuilder out = new StringBuilder(256 + (text.length() + (html == null ? 0 : html.length())) * 11 / 10);
        header(out, "Date", DATE.format(h.date()));
        header(out, "From", mailbox(h.from()));
        header(out, "To", h.to());
        header(out, "Subject", unstructured(h.subject()));
        header(out, "Message-ID", h.messageId());
        header(out, "Auto-Submitted", "auto-generated");
        if (h.language() != null) { // RFC 3282: the language the mail is written in
            header(out, "Content-Language", h.language());
        }
        if (h.listUnsubscribe() != null) { // RFC 8058: mail clients offer a one-click unsubscribe button
            header(out, "List-Unsubscribe", "<" + h.listUnsubscribe() + ">");
            header(out, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        header(out, "MIME-Version", "1.0");
        if (html == null) {
            textPart(out, "text/plain", text);
            return out.toString();
        }
        // RFC 2045 section 6.7: "=_" never occurs in quoted-printable text, so the boundary cannot occur in a part
        String boundary = "=_undersigned_" + Integer.toHexString(h.messageId().hashCode());
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        out.append("\r\n");
        out.append("--").append(boundary).append("\r\n");
        textPart(out, "text/plain", text);
        out.append("--").append(boundary).append("\r\n");
        textPart(out, "text/html", html);
        out.append("--").append(boundary).append("--\r\n");
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private static void textPart(StringBuilder out, String type, String body) {
        header(out, "Content-Type", type + "; charset=UTF-8");
        header(out, "Content-Transfer-Encoding", "quoted-printable");
        out.append("\r\n");
        quotedPrintable(out, body);
    }

    /** RFC 2045 section 6.7, over the UTF-8 bytes; a line break of any kind becomes CRLF. */
    static void quotedPrintable(StringBuilder out, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                out.append("\r\n");
                column = 0;
                continue;
            }
            boolean hardEnd = i + 1 < bytes.length && (bytes[i + 1] == '\r' || bytes[i + 1] == '\n');
            boolean lineEnd = hardEnd || i + 1 == bytes.length;
            // rule (2): printable ASCII but "=" as itself; (3): space and tab only where a line does not end; a
            // dot that starts a line is encoded too, so no line needs SMTP's dot-stuffing
            boolean literal = (b >= 33 && b <= 126 && b != '=' && !(b == '.' && column == 0))
                    || ((b == ' ' || b == '\t') && !lineEnd);
            int width = literal ? 1 : 3;
            // rule (5): a soft break ("=" at the end) before a line would pass 76; the last character of a hard
            // line may take the place of that "="
            if (column + width > (hardEnd ? LINE : LINE - 1)) {
                out.append("=\r\n");
                column = 0;
                if (b == '.') {
                    literal = false;
                    width = 3;
                }
            }
            if (literal) {
                out.append((char) b);
            } else {
                out.append('=').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
            column += width;
        }
        if (column > 0) { // a soft break: the text ends where it ended, without a line break of its own
            out.append("=\r\n");
        } else if (bytes.length == 0) {
            out.append("\r\n");
        }
    }

    /** A header's free text: as it is when it is short printable ASCII, else RFC 2047 encoded words, folded. */
    static String unstructured(String value) {
        if (value.length() <= 62 && value.chars().allMatch(c -> c >= 32 && c < 127)) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < value.length()) {
            // RFC 2047 section 2: an encoded word is at most 75 characters; 45 bytes make 60 of base64, and a word
            // never splits a character (section 5 (3))
            int end = start;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + n > 45) {
                    break;
                }
                bytes += n;
                end += Character.charCount(cp);
            }
            if (start > 0) {
                out.append("\r\n "); // folding white space between encoded words is not displayed (section 6.2)
            }
            out.append("=?UTF-8?B?")
                    .append(Base64.getEncoder()
                            .encodeToString(value.substring(start, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            start = end;
        }
        return out.toString();
    }

    /** A mailbox header value: the display name kept readable when it is plain ASCII, else an encoded word. */
    static String mailbox(String from) {
        int open = from.lastIndexOf('<');
        if (open <= 0 || !from.endsWith(">")) {
            return from.trim();
        }
        String name = from.substring(0, open).trim();
        String address = from.substring(open);
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty()) {
            return address;
        }
        if (name.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 127 || c == ' ' || c == '-' || c == '_')) {
            return name + " " + address;
        }
        if (name.chars().allMatch(c -> c >= 32 && c < 127)) {
            return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" " + address;
        }
        return unstructured(name) + " " + address;
    }

    /** The address alone of a mailbox such as {@code Name <a@b.org>}, for the envelope's MAIL FROM. */
    static String address(String mailbox) {
        int open = mailbox.lastIndexOf('<');
        int close = mailbox.lastIndexOf('>');
        return open >= 0 && close > open ? mailbox.substring(open + 1, close).trim() : mailbox.trim();
    }
}
