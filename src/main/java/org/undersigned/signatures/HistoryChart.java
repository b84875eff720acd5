package org.undersigned.signatures;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A count history drawn as an SVG line (server-side, no script): x is time, y the count, scaled into a fixed
 * viewBox. The numbers themselves are shown beside it in a table, so the chart only repeats them.
 */
public record HistoryChart(String path, List<Dot> dots, long highest, Instant first, Instant last) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;
    private static final int PAD = 8;

    /** A point as drawn. */
    public record Dot(String x, String y) {}

    static HistoryChart of(List<CountHistory.Point> points) {
        if (points.isEmpty()) {
            return new HistoryChart("", List.of(), 0, null, null);
        }
        long t0 = points.get(0).time().getEpochSecond();
        long span = Math.max(1, points.get(points.size() - 1).time().getEpochSecond() - t0);
        long highest = Math.max(
                1, points.stream().mapToLong(CountHistory.Point::count).max().orElse(1));
        List<Dot> dots = points.stream()
                .map(p -> new Dot(
                        coordinate(PAD + (WIDTH - 2.0 * PAD) * (p.time().getEpochSecond() - t0) / span),
                        coordinate(HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * p.count() / highest)))
                .toList();
        StringBuilder path = new StringBuilder();
        for (Dot d : dots) {
            path.append(path.length() == 0 ? "M" : " L")
                    .append(d.x())
                    .append(',')
                    .append(d.y());
        }
        return new HistoryChart(
                path.toString(),
                dots,
                highest,
                points.get(0).time(),
                points.get(points.size() - 1).time());
    }

    private static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
