package org.undersigned.signatures;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.undersigned.web.LocalWords;
import org.undersigned.web.Messages;

/**
 * How strongly a claim is proven, in words a reader understands at a glance, in the page's language
 * (docs/ARCHITECTURE.md#signing).
 */
final class EvidenceLabels {

    private EvidenceLabels() {}

    @TemplateExtension
    static String levelLabel(String level, @TemplateAttribute("locale") Object locale) {
        Messages m = LocalWords.in(locale);
        return switch (level == null ? "none" : level) {
            case "self" -> m.levelSelf();
            case "orcid-self" -> m.levelOrcidSelf();
            case "email-domain" -> m.levelEmailDomain();
            case "orcid-institution" -> m.levelOrcidInstitution();
            case "attested" -> m.levelAttested();
            default -> m.levelNone();
        };
    }

    @TemplateExtension
    static String identityLabel(String identity, @TemplateAttribute("locale") Object locale) {
        Messages m = LocalWords.in(locale);
        return "orcid".equals(identity) ? m.identityOrcid() : m.identityEmail();
    }
}
