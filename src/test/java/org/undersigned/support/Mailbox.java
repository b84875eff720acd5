package org.undersigned.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the real SMTP server received: waits for a mail to an address and finds the links in it. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("http://localhost:[0-9]+(/[A-Za-z0-9/_.-]+)");

    private Mailbox() {}

    /** Waits up to 15 s for the {@code n}-th mail (1-based) sent to {@code address}. */
    public static MimeMessage await(GreenMail mail, String address, int n) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = to(mail, address);
            if (mine.size() >= n) {
                return mine.get(n - 1);
            }
            sleep(100);
        }
        throw new AssertionError("no mail number " + n + " to " + address + " within 15 s; got "
                + to(mail, address).size());
    }

    public static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The path of the first link in the mail that starts with {@code prefix}, e.g. "/confirm/". */
    public static String link(MimeMessage m, String prefix) {
        Matcher matcher = LINK.matcher(body(m));
        while (matcher.find()) {
            if (matcher.group(1).startsWith(prefix)) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + prefix + " link in: " + body(m));
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
