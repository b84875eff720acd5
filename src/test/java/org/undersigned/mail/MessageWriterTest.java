package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The DATA text a relay receives reads back, through a real MIME parser, as exactly what was queued. */
class MessageWriterTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 12, 4, 18, 30, 0, 0, ZoneOffset.UTC);

    private static MessageWriter.Headers headers(String from, String subject) {
        return new MessageWriter.Headers(
                from, "ada@example.org", subject, "<outbox-7@letters.example>", "fr", null, DATE);
    }

    private static MimeMessage parse(String data) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void textAndHtmlAlternativesReadBackUnchangedWhateverTheirCharacters() throws Exception {
        String text = "Bonjour Zoë,\n\nConfirmez : https://letters.example/c/abc=def?x=1\n"
                + ".a line that starts with a dot\n" + "trailing spaces   \n" + "x".repeat(200) + "\n"
                + "emoji 🖋 and 日本語 ".repeat(12) + "\n=3D stays literal";
        String html = "<p>Bonjour <b>Zoë</b></p>\r\n<p style=\"color:#333\">" + "é".repeat(100) + "</p>";
        String data = MessageWriter.write(headers("Undersigned <no-reply@letters.example>", "Subject"), text, html);

        MimeMessage m = parse(data);
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .isEqualTo(text);
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(html);
    }

    @Test
    void everyLineEndsInCrlfFitsTheLimitsAndNoneStartsWithADot() {
        String text = ("." + "a".repeat(74) + ".\n").repeat(5) + "ü".repeat(300) + "\n.\n..\n" + " ".repeat(100);
        String data = MessageWriter.write(headers("a@b.org", "s"), text, "." + "<i>x</i>".repeat(40));

        assertThat(data).endsWith("\r\n").doesNotContain("\n.").doesNotStartWith(".");
        assertThat(data.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        String body = data.substring(data.indexOf("\r\n\r\n"));
        for (String line : body.split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
            assertThat(line).as("no trailing white space").doesNotEndWith(" ").doesNotEndWith("\t");
        }
        assertThat(data.chars().allMatch(c -> c < 128)).as("7-bit clean").isTrue();
    }

    @Test
    void headersCarryLanguageUnsubscribeAndEncodedSubjectAndSender() throws Exception {
        String subject = "Confirmez votre signature : « Lettre ouverte sur la reconnaissance faciale » — merci";
        MessageWriter.Headers h = new MessageWriter.Headers(
                "Lettres Ouvertes — Undersigned <no-reply@letters.example>",
                "ada@example.org",
                subject,
                "<outbox-7@letters.example>",
                "fr",
                "https://letters.example/u/tok",
                DATE);
        MimeMessage m = parse(MessageWriter.write(h, "text only", null));

        assertThat(m.getSubject()).isEqualTo(subject);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Lettres Ouvertes — Undersigned");
        assertThat(from.getAddress()).isEqualTo("no-reply@letters.example");
        assertThat(m.getRecipients(MimeMessage.RecipientType.TO)[0].toString()).isEqualTo("ada@example.org");
        assertThat(m.getHeader("Content-Language")[0]).isEqualTo("fr");
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://letters.example/u/tok>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getMessageID()).isEqualTo("<outbox-7@letters.example>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(DATE.toInstant());
        assertThat(m.isMimeType("text/plain")).isTrue();
        assertThat(m.getContent()).isEqualTo("text only");
    }

    @Test
    void plainShortSubjectsAndNamesStayReadable() {
        assertThat(MessageWriter.unstructured("Confirm your signature")).isEqualTo("Confirm your signature");
        assertThat(MessageWriter.mailbox("Undersigned <no-reply@localhost>"))
                .isEqualTo("Undersigned <no-reply@localhost>");
        assertThat(MessageWriter.mailbox("Dr. Who, PhD <who@example.org>"))
                .isEqualTo("\"Dr. Who, PhD\" <who@example.org>");
        assertThat(MessageWriter.address("Undersigned <no-reply@localhost>")).isEqualTo("no-reply@localhost");
        assertThat(MessageWriter.address("bounce@example.org")).isEqualTo("bounce@example.org");
    }
}
