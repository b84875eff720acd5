package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.undersigned.letters.LetterListNote;
import org.undersigned.letters.LetterService;

/**
 * A letter's line on the home page: its verified count (the log's count, as on its page) and when it was last signed
 * (when the log last took a signer in, kept with the counts), so the list reads a few cached rows per letter and never
 * the signatures themselves.
 */
@ApplicationScoped
public class HomeCounts implements LetterListNote {

    /** How long ago, in the largest whole unit that fits: "now" (under a minute), minutes, hours, days, or a date. */
    record Since(String unit, long n, OffsetDateTime at) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance note(long total, Since since);
    }

    private final LetterService letters;
    private final Counts counts;
    private final Clock clock;

    HomeCounts(LetterService letters, Counts counts, Clock clock) {
        this.letters = letters;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public String revision(String slug) {
        return idOf(slug)
                .map(id -> {
                    Counts.Snapshot c = counts.of(id);
                    return c.total() + "@" + c.lastSigned();
                })
                .orElse("");
    }

    @Override
    public List<String> revisions(List<String> slugs) {
        Map<String, Long> ids = letters.listedIds();
        Map<Long, Counts.Snapshot> all =
                counts.of(slugs.stream().map(ids::get).filter(Objects::nonNull).toList());
        return slugs.stream()
                .map(slug -> {
                    Counts.Snapshot c = all.get(ids.get(slug));
                    return c == null ? revision(slug) : c.total() + "@" + c.lastSigned();
                })
                .toList();
    }

    @Override
    public String html(String slug) {
        return idOf(slug)
                .map(id -> {
                    Counts.Snapshot c = counts.of(id);
                    return Templates.note(c.total(), since(c.lastSigned(), clock.instant()))
                            .render();
                })
                .orElse("");
    }

    /** The letter's id as listed (read once per content load), else as its signing target (cached for a moment). */
    private Optional<Long> idOf(String slug) {
        Long listed = letters.listedIds().get(slug);
        return listed != null
                ? Optional.of(listed)
                : letters.signingTarget(slug).map(l -> l.letterId());
    }

    /** {@code at} as the home page says it; null when no signer was ever taken in (or before this was kept). */
    static Since since(Instant at, Instant now) {
        if (at == null) {
            return null;
        }
        Duration ago = Duration.between(at, now);
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        if (ago.toMinutes() < 1) {
            return new Since("now", 0, when);
        } else if (ago.toHours() < 1) {
            return new Since("minutes", ago.toMinutes(), when);
        } else if (ago.toDays() < 1) {
            return new Since("hours", ago.toHours(), when);
        } else if (ago.toDays() < 30) {
            return new Since("days", ago.toDays(), when);
        }
        return new Since("date", 0, when);
    }
}
