package org.undersigned.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterSummary;
import org.undersigned.letters.SigningTarget;

/** The demo letters: those {@code undersigned.demo.letters} names, or else every published letter. */
@ApplicationScoped
class DemoLetters {

    private static final Logger LOG = Logger.getLogger(DemoLetters.class);

    private final DemoConfig config;
    private final LetterService letters;
    private final Clock clock;

    DemoLetters(DemoConfig config, LetterService letters, Clock clock) {
        this.config = config;
        this.letters = letters;
        this.clock = clock;
    }

    /** The demo letters' slugs, which the demo organiser organises. */
    List<String> slugs() {
        return config.letters()
                .orElseGet(() -> QuarkusTransaction.requiringNew()
                        .call(() ->
                                letters.list().stream().map(LetterSummary::slug).toList()));
    }

    /** The demo letters that take signatures today, as signing targets; the others are skipped, with a log line. */
    List<SigningTarget> open() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.requiringNew()
                .call(() -> slugs().stream()
                        .map(slug -> {
                            Optional<SigningTarget> target =
                                    letters.signingTarget(slug).filter(t -> t.closedReason(today) == null);
                            if (target.isEmpty()) {
                                LOG.infof("Demo data: %s is not a published letter open for signatures; skipped", slug);
                            }
                            return target;
                        })
                        .flatMap(Optional::stream)
                        .toList());
    }
}
