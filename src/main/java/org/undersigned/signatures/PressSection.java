package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;

/**
 * A letter page's milestones (each marked, with the checkpoint that reached it) and the press list's form. No
 * revision of its own: a milestone comes with a count change, which re-renders the page, and the page is re-rendered
 * every second anyway.
 */
@ApplicationScoped
public class PressSection implements LetterPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(
                SigningTarget letter, List<Milestones.Reached> reached, List<Long> milestones);
    }

    private final LetterService letters;
    private final Milestones milestones;

    PressSection(LetterService letters, Milestones milestones) {
        this.letters = letters;
        this.milestones = milestones;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String html(String slug) {
        SigningTarget letter = letters.signingTarget(slug).orElseThrow();
        return Templates.section(
                        letter,
                        milestones.reached(letter.letterId()),
                        letters.milestones(letter.letterId()).counts())
                .render();
    }
}
