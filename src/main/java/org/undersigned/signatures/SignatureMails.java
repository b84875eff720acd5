package org.undersigned.signatures;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Mail;
import org.undersigned.web.PublicUrl;
import org.undersigned.web.WireEnum;

/** Renders the signing mails (text and HTML, templates/mail/) with links under the public URL. */
@ApplicationScoped
class SignatureMails {

    private final Engine engine;
    private final PublicUrl publicUrl;

    SignatureMails(Engine engine, PublicUrl publicUrl) {
        this.engine = engine;
        this.publicUrl = publicUrl;
    }

    Mail confirm(Signature s, SigningTarget letter, String token, Duration lifetime) {
        return compose(
                        "confirm",
                        s.email,
                        "Confirm your signature: " + letter.title(),
                        Map.of(
                                "name",
                                s.name,
                                "letter",
                                letter,
                                "letterUrl",
                                letterUrl(letter),
                                "listing",
                                WireEnum.wire(s.listing),
                                "link",
                                publicUrl.link("/confirm/" + token),
                                "hours",
                                lifetime.toHours()))
                .tagged(UndeliveredConfirmations.tag(letter.slug()));
    }

    Mail receipt(Signature s, SigningTarget letter, String withdrawToken) {
        return compose(
                "receipt",
                s.email,
                "Your signature is counted: " + letter.title(),
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
                s.email,
                "You have already signed: " + letter.title(),
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
                s.email,
                "Add your ORCID iD to your signature: " + letter.title(),
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
                s.email,
                "Did you sign \"" + letter.title() + "\"?",
                Map.of("letter", letter, "letterUrl", letterUrl(letter), "link", publicUrl.link("/disown/" + token)));
    }

    Mail dispute(Signature s, SigningTarget letter, String claimant, String token) {
        return compose(
                "dispute",
                s.email,
                "Your signature on \"" + letter.title() + "\" is disputed",
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "claimant",
                        claimant == null ? "someone" : claimant,
                        "link",
                        publicUrl.link("/answer/" + token)));
    }

    Mail news(Signature s, SigningTarget letter, String kind, String title, String url, String unsubscribe) {
        Mail mail = compose(
                "news",
                s.email,
                "News on \"" + letter.title() + "\": " + title,
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl(letter),
                        "kind",
                        kind,
                        "title",
                        title,
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
                s.email,
                "The letter you signed has changed: " + letter.title(),
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

    private Mail compose(String template, String to, String subject, Map<String, Object> data) {
        String text = engine.getTemplate("mail/" + template + ".txt").data(data).render();
        String html =
                engine.getTemplate("mail/" + template + ".html").data(data).render();
        return new Mail(to, subject, text, html);
    }
}
