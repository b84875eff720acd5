package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;

/**
 * "How the count grew" on a letter's page: the count history as an SVG chart with the numbers in a table behind it,
 * by day, or by hour for a letter younger than three days; each row checkable against the log (its size and root).
 */
@ApplicationScoped
public class HistorySection implements LetterPageSection {

    /** The most rows the page shows (the API has them all). */
    static final int ROWS = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(
                SigningTarget letter, String unit, HistoryChart chart, List<CountHistory.Point> rows);
    }

    private final LetterService letters;
    private final CountHistory history;

    HistorySection(LetterService letters, CountHistory history) {
        this.letters = letters;
        this.history = history;
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public String html(String slug) {
        SigningTarget letter = letters.signingTarget(slug).orElseThrow();
        List<CountHistory.Point> days = history.of(letter, "day", Instant.EPOCH, null);
        boolean young =
                days.isEmpty() || days.get(0).time().isAfter(Instant.now().minus(Duration.ofDays(3)));
        String unit = young ? "hour" : "day";
        List<CountHistory.Point> points = young ? history.of(letter, "hour", Instant.EPOCH, null) : days;
        if (points.size() < 2) {
            return ""; // a line needs two points; the count above says the rest
        }
        List<CountHistory.Point> newest =
                new ArrayList<>(points.subList(Math.max(0, points.size() - ROWS), points.size()));
        Collections.reverse(newest);
        return Templates.section(letter, unit, HistoryChart.of(points), newest).render();
    }
}
