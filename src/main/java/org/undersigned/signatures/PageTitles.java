package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;

/** Page titles of the mailed-link pages, by the kind of link. */
final class PageTitles {

    private PageTitles() {
    }

    @TemplateExtension
    static String signingPageTitle(String kind) {
        return switch (kind) {
            case "confirm" -> "Confirm your signature";
            case "withdraw" -> "Withdraw your signature";
            case "reaffirm" -> "Re-affirm your signature";
            case "resent" -> "A new link is on its way";
            default -> "Signature";
        };
    }
}
