package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;

/**
 * "These N public names as of checkpoint S" on a letter's page: the current snapshot's files. No revision of its own:
 * the page is re-rendered every second, and a snapshot at most every few minutes.
 */
@ApplicationScoped
public class SnapshotSection implements LetterPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(SigningTarget letter, SnapshotRepository.Current snapshot);
    }

    private final LetterService letters;
    private final SignatorySnapshots snapshots;

    SnapshotSection(LetterService letters, SignatorySnapshots snapshots) {
        this.letters = letters;
        this.snapshots = snapshots;
    }

    @Override
    public int order() {
        return 13;
    }

    @Override
    public String html(String slug) {
        SigningTarget letter = letters.signingTarget(slug).orElseThrow();
        return snapshots
                .current(letter.letterId())
                .map(c -> Templates.section(letter, c).render())
                .orElse("");
    }
}
