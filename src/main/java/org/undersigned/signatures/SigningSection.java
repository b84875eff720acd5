package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.OrcidConfig;

/** The signing block of a letter's page: counts, the sign form (when open) and the latest public signatories. */
@ApplicationScoped
public class SigningSection implements LetterPageSection {

    static final SignRequest EMPTY_FORM = new SignRequest(null, null, null, null, "public", null, false);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(
                SigningTarget letter,
                boolean open,
                SignRequest form,
                Map<String, String> errors,
                Signatories.Count count,
                List<Signatories.Signatory> recent,
                boolean orcid);
    }

    private final LetterService letters;
    private final Signatories signatories;

    private final boolean orcid;

    SigningSection(LetterService letters, Signatories signatories, OrcidConfig orcid) {
        this.letters = letters;
        this.signatories = signatories;
        this.orcid = orcid.enabled();
    }

    @Override
    public int order() {
        return 10;
    }

    /** Counts and the latest signatories change only with the count's revision; the form with the closing date. */
    @Override
    public String revision(String slug) {
        return letters.signingTarget(slug)
                .map(letter -> signatories.revision(letter) + "/"
                        + (letter.closedReason(LocalDate.now(ZoneOffset.UTC)) == null))
                .orElse("");
    }

    @Override
    public String html(String slug) {
        SigningTarget letter = letters.signingTarget(slug).orElseThrow();
        boolean open = letter.closedReason(LocalDate.now(ZoneOffset.UTC)) == null;
        return Templates.section(
                        letter,
                        open,
                        EMPTY_FORM,
                        Map.of(),
                        signatories.count(letter),
                        signatories.recent(letter, 10),
                        orcid)
                .render();
    }
}
