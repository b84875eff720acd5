package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;

/** How strongly a claim is proven, in words a reader understands at a glance (docs/ARCHITECTURE.md#signing). */
final class EvidenceLabels {

    private EvidenceLabels() {}

    @TemplateExtension
    static String levelLabel(String level) {
        return switch (level == null ? "none" : level) {
            case "self" -> "typed by the signer";
            case "orcid-self" -> "on ORCID, added by the signer";
            case "email-domain" -> "email confirmed at the organisation";
            case "orcid-institution" -> "ORCID + institution";
            case "attested" -> "attested by the organisers";
            default -> "no affiliation given";
        };
    }

    @TemplateExtension
    static String identityLabel(String identity) {
        return "orcid".equals(identity) ? "ORCID sign-in" : "email confirmed";
    }
}
