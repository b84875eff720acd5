package org.undersigned.signatures;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Mail;
import org.undersigned.mail.MailShape;
import org.undersigned.mail.ShapedMail;
import org.undersigned.web.Languages;
import org.undersigned.web.PublicUrl;
import org.undersigned.web.WireEnum;

/**
 * Renders the signing mails (subject, text and HTML, templates/mail/, words in web.MailMessages) with links under the
 * public URL, in the language the signer signed in.
 */
@ApplicationScoped
class SignatureMails {

    private static final Pattern VERSION_PAGE = Pattern.compile("/v/([0-9]{1,9})$");

    private final Engine engine;
    private final PublicUrl publicUrl;
    private final Languages languages;
    private final Map<ConfirmShape, ShapedMail> confirmations = new ConcurrentHashMap<>();

    SignatureMails(Engine engine, PublicUrl publicUrl, Languages languages) {
        this.engine = engine;
        this.publicUrl = publicUrl;
        this.languages = languages;
    }

    /**
     * A confirmation mail. Each sign-up needs one on its request path, and rendering it was a third of a sign-up's
     * CPU (bench/README.md): so it is rendered once per letter, language, listing and lifetime as a shape with blanks
     * where the name and link go ({@link #confirmShaped}), and each mail is that shape filled in (escaped in the HTML
     * part, as the template would); SignatureMailsTest checks the result is the mail the template renders.
     */
    Mail confirm(Signature s, SigningTarget letter, String token, Duration lifetime) {
        return s.name == null
                ? confirmRendered(s, letter, token, lifetime)
                : confirmShaped(s, letter, token, lifetime).render();
    }

    /** A confirmation mail as a shape and the signer's name and link, for the sign-up writer to queue. */
    ShapedMail confirmShaped(Signature s, SigningTarget letter, String token, Duration lifetime) {
        ConfirmShape key = new ConfirmShape(
                letter.slug(),
                letter.title(),
                locale(s.language).toLanguageTag(),
                WireEnum.wire(s.listing),
                lifetime.toHours());
        if (confirmations.size() > 1_000) {
            confirmations.clear(); // old titles and lifetimes: keep the map small
        }
        ShapedMail shape = confirmations.computeIfAbsent(key, k -> {
            Mail words = confirm(null, k.language(), NAME, letter, k.listing(), LINK, lifetime);
            return new ShapedMail(
                    null,
                    words.subject(),
                    MailShape.of(words.text(), words.html()),
                    Map.of(),
                    words.tag(),
                    words.language());
        });
        return shape.to(s.email, Map.of("name", s.name, "link", publicUrl.link("/confirm/" + token)));
    }

    /** A confirmation mail rendered from its template, as {@link #confirm} gives it. */
    Mail confirmRendered(Signature s, SigningTarget letter, String token, Duration lifetime) {
        return confirm(
                s.email,
                s.language,
                s.name,
                letter,
                WireEnum.wire(s.listing),
                publicUrl.link("/confirm/" + token),
                lifetime);
    }

    private Mail confirm(
            String email,
            String language,
            String name,
            SigningTarget letter,
            String listing,
            String link,
            Duration lifetime) {
        return compose(
                        "confirm",
                        email,
                        language,
                        Map.of(
                                "name",
                                name,
                                "letter",
                                letter,
                                "letterUrl",
                                letterUrl(letter),
                                "listing",
                                listing,
                                "link",
                                link,
                                "hours",
                                lifetime.toHours()))
                .tagged(UndeliveredConfirmations.tag(letter.slug()));
    }

    /** What a confirmation mail's words depend on besides the name and link. */
    private record ConfirmShape(String slug, String title, String language, String listing, long hours) {}

    /** Blanks no name or link can hold: a name's control characters are removed when it is read (SignRequest). */
    static final String NAME = MailShape.blank("name"), LINK = MailShape.blank("link");

    Mail receipt(Signature s, SigningTarget letter, String withdrawToken) {
        return compose(
                "receipt",
                s,
                Map.of(
                        "name",
                        s.name,
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "listing",
                        WireEnum.wire(s.listing),
                        "id",
                        s.id.toString(),
                        "statusUrl",
                        publicUrl.link("/api/signatures/" + s.id),
                        "receiptUrl",
                        publicUrl.link("/api/signatures/" + s.id + "/receipt"),
                        "withdraw",
                        withdrawToken == null
                                ? publicUrl.link("/orcid/sign/" + letter.slug())
                                : publicUrl.link("/withdraw/" + withdrawToken)));
    }

    Mail alreadySigned(Signature s, SigningTarget letter, String withdrawToken) {
        return compose(
                "already-signed",
                s,
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "withdraw",
                        publicUrl.link("/withdraw/" + withdrawToken)));
    }

    Mail attach(Signature s, SigningTarget letter, String orcid, String token, Duration lifetime) {
        return compose(
                "attach",
                s,
                Map.of(
                        "name",
                        s.name,
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "orcid",
                        orcid,
                        "link",
                        publicUrl.link("/attach/" + token),
                        "hours",
                        lifetime.toHours()));
    }

    Mail disown(Signature s, SigningTarget letter, String token) {
        return compose(
                "disown",
                s,
                Map.of("letter", letter, "letterUrl", letterUrl(letter), "link", publicUrl.link("/disown/" + token)));
    }

    Mail dispute(Signature s, SigningTarget letter, String claimant, String token) {
        return compose(
                "dispute",
                s,
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "claimant",
                        claimant == null ? "" : claimant,
                        "link",
                        publicUrl.link("/answer/" + token)));
    }

    Mail news(Signature s, SigningTarget letter, String kind, String title, String url, String unsubscribe) {
        Mail mail = compose(
                "news",
                s,
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "kind",
                        kind,
                        "news",
                        title,
                        "version",
                        "version".equals(kind) ? versionOf(url) : 0,
                        "url",
                        url,
                        "threadUrl",
                        letterUrl(letter) + "/thread",
                        "unsubscribe",
                        unsubscribe));
        return mail.withListUnsubscribe(unsubscribe);
    }

    Mail reaffirm(Signature s, SigningTarget letter, int version, String token) {
        return compose(
                "reaffirm",
                s,
                Map.of(
                        "name",
                        s.name,
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "signedVersion",
                        s.versionNumber,
                        "version",
                        version,
                        "diffUrl",
                        letterUrl(letter) + "/diff/" + s.versionNumber + ".." + version,
                        "link",
                        publicUrl.link("/reaffirm/" + token)));
    }

    private String letterUrl(SigningTarget letter) {
        return publicUrl.link("/letters/" + letter.slug());
    }

    /** The number of the version a version's news links to (its page, /v/N), 0 when the link says none. */
    private static int versionOf(String url) {
        Matcher m = VERSION_PAGE.matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Renders a mail in its signer's language: the one stored with the signature, if still offered, else the
     * default; never the language of the request that happens to send it (an organiser's, or none for a scheduler).
     * The subject is the text template's "subject" fragment.
     */
    private Mail compose(String template, Signature s, Map<String, Object> data) {
        return compose(template, s.email, s.language, data);
    }

    /** A mail to {@code email} in {@code language} (a tag, or null for the first language offered). */
    Mail compose(String template, String email, String language, Map<String, Object> data) {
        Locale locale = locale(language);
        Template text = engine.getTemplate("mail/" + template + ".txt");
        String subject = render(text.getFragment("subject").instance(), data, locale)
                .strip()
                .replaceAll("\\s+", " ");
        String body = render(text.instance(), data, locale);
        String html = render(engine.getTemplate("mail/" + template + ".html").instance(), data, locale);
        return new Mail(email, subject, body, html).inLanguage(locale.toLanguageTag());
    }

    private Locale locale(String language) {
        return language != null && languages.supports(language)
                ? Locale.forLanguageTag(language)
                : languages.supported().get(0);
    }

    /** The locale set after the instance is made, so it wins over the request's (LanguageTemplates). */
    private static String render(TemplateInstance instance, Map<String, Object> data, Locale locale) {
        return instance.data(data).setLocale(locale).render();
    }
}
