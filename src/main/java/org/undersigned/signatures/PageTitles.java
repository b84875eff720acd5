package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.LinkMessages;

/** Page titles of the mailed-link pages, by the kind of link, in the language of the template being rendered. */
final class PageTitles {

    private PageTitles() {}

    @TemplateExtension
    static String signingPageTitle(String kind, @TemplateAttribute("locale") Object locale) {
        LinkMessages m = Bundles.link(locale);
        return switch (kind) {
            case "confirm" -> m.titleConfirm();
            case "withdraw" -> m.titleWithdraw();
            case "reaffirm" -> m.titleReaffirm();
            case "attach" -> m.titleAttach();
            case "disown" -> m.titleDisown();
            case "resent" -> m.titleResent();
            default -> m.titleSignature();
        };
    }

    @TemplateExtension
    static String signingDoneTitle(String kind, @TemplateAttribute("locale") Object locale) {
        LinkMessages m = Bundles.link(locale);
        return switch (kind) {
            case "confirm" -> m.doneConfirm();
            case "withdraw" -> m.doneWithdraw();
            case "reaffirm" -> m.doneReaffirm();
            case "attach" -> m.doneAttach();
            case "disown" -> m.doneDisown();
            case "resent" -> m.titleResent();
            default -> m.doneNotResent();
        };
    }

    @TemplateExtension
    static String signTitle(SigningTarget letter, @TemplateAttribute("locale") Object locale) {
        return Bundles.sign(locale).signPageTitle(letter.title());
    }
}
