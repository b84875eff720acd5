package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;
import org.undersigned.letters.SigningTarget;

/** Page titles of the mailed-link pages, by the kind of link. */
final class PageTitles {

    private PageTitles() {}

    @TemplateExtension
    static String signingPageTitle(String kind) {
        return switch (kind) {
            case "confirm" -> "Confirm your signature";
            case "withdraw" -> "Withdraw your signature";
            case "reaffirm" -> "Re-affirm your signature";
            case "attach" -> "Add your ORCID iD to your signature";
            case "disown" -> "I did not sign this";
            case "resent" -> "A new link is on its way";
            default -> "Signature";
        };
    }

    @TemplateExtension
    static String signingDoneTitle(String kind) {
        return switch (kind) {
            case "confirm" -> "Signature confirmed";
            case "withdraw" -> "Signature withdrawn";
            case "reaffirm" -> "Signature re-affirmed";
            case "attach" -> "ORCID iD added";
            case "disown" -> "Signature disowned";
            case "resent" -> "A new link is on its way";
            default -> "No new link needed";
        };
    }

    @TemplateExtension
    static String signTitle(SigningTarget letter) {
        return "Sign: " + letter.title();
    }
}
