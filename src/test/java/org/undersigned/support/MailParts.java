package org.undersigned.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** The decoded parts of a received mail (text and HTML alternatives) and its language header. */
public final class MailParts {

    private MailParts() {}

    public static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    /** The Content-Language header, null when the mail has none. */
    public static String language(MimeMessage m) {
        try {
            String[] values = m.getHeader("Content-Language");
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage m, String type) {
        try {
            if (m.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart p = multipart.getBodyPart(i);
                    if (p.isMimeType(type)) {
                        return (String) p.getContent();
                    }
                    if (p.getContent() instanceof Multipart) {
                        throw new AssertionError("nested multipart not expected");
                    }
                }
            } else if (m.isMimeType(type)) {
                return (String) m.getContent();
            }
            throw new AssertionError("no " + type + " part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
