package org.undersigned.organisers;

import jakarta.ws.rs.FormParam;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;

/**
 * The thread editor's entry form as typed, kept so that a form with a mistake comes back with nothing lost. Claims
 * and points are rows of same-named fields (no JavaScript adds rows: the form offers a few empty ones, and empty
 * rows are ignored).
 */
public class EntryForm {

    /** Empty rows offered below the filled ones. */
    static final int SPARE_ROWS = 3;

    @FormParam("id")
    public String id;

    @FormParam("kind")
    public String kind;

    @FormParam("title")
    public String title;

    @FormParam("organisation")
    public String organisation;

    @FormParam("author")
    public String author;

    @FormParam("date")
    public String date;

    @FormParam("url")
    public String url;

    @FormParam("archived")
    public String archived;

    /** The archived copy the entry had, as "sha256 date": its date is kept while the hash is unchanged. */
    @FormParam("kept")
    public String kept;

    @FormParam("respondsTo")
    public String respondsTo;

    @FormParam("body")
    public String body;

    @FormParam("claimId")
    public List<String> claimId;

    @FormParam("claimText")
    public List<String> claimText;

    @FormParam("pointClaim")
    public List<String> pointClaim;

    @FormParam("pointBody")
    public List<String> pointBody;

    public record ClaimRow(int n, String id, String text) {}

    public record PointRow(int n, String claim, String body) {}

    /** An empty form for a new entry: a company response dated today. */
    static EntryForm blank(LocalDate today) {
        EntryForm f = new EntryForm();
        f.kind = "response";
        f.date = today.toString();
        return f;
    }

    /** The form filled in with an entry's current text, for a correction. */
    static EntryForm of(ThreadService.View e) {
        EntryForm f = new EntryForm();
        f.id = e.id();
        f.kind = e.kind();
        f.title = e.title();
        f.organisation = e.organisation();
        f.author = e.author();
        f.date = e.date() == null ? null : e.date().toString();
        f.url = e.url();
        if (e.archived() != null) {
            f.archived = e.archived().sha256();
            f.kept = e.archived().sha256() + " " + e.archived().retrieved();
        }
        f.respondsTo = e.respondsTo();
        f.body = e.body();
        f.claimId = e.claims().stream().map(ThreadEntry.Claim::id).toList();
        f.claimText = e.claims().stream().map(ThreadEntry.Claim::text).toList();
        f.pointClaim = e.points().stream().map(ThreadService.PointView::claim).toList();
        f.pointBody = e.points().stream().map(ThreadService.PointView::body).toList();
        return f;
    }

    /** The filled claim rows, then a few empty ones. */
    public List<ClaimRow> claimRows() {
        List<ClaimRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(size(claimId), size(claimText)); i++) {
            if (!blank(at(claimId, i)) || !blank(at(claimText, i))) {
                rows.add(new ClaimRow(rows.size() + 1, at(claimId, i), at(claimText, i)));
            }
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new ClaimRow(rows.size() + 1, "", ""));
        }
        return rows;
    }

    /** The filled point rows, then a few empty ones. */
    public List<PointRow> pointRows() {
        List<PointRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(size(pointClaim), size(pointBody)); i++) {
            if (!blank(at(pointClaim, i)) || !blank(at(pointBody, i))) {
                rows.add(new PointRow(rows.size() + 1, at(pointClaim, i), text(at(pointBody, i))));
            }
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new PointRow(rows.size() + 1, "", ""));
        }
        return rows;
    }

    /**
     * The entry to publish. A new entry without an id takes one made from its title; an entry with points but no
     * {@code respondsTo} responds to the entry making its first point's claim ({@code claimOwners}: claim id to entry
     * id). A date that cannot be read is put in {@code problems}.
     */
    ThreadEntry entry(Map<String, String> claimOwners, Map<String, String> problems) {
        List<ThreadEntry.Claim> claims = claimRows().stream()
                .filter(r -> !blank(r.id()) || !blank(r.text()))
                .map(r -> new ThreadEntry.Claim(strip(r.id()), strip(r.text())))
                .toList();
        List<ThreadEntry.Point> points = pointRows().stream()
                .filter(r -> !blank(r.claim()) || !blank(r.body()))
                .map(r -> new ThreadEntry.Point(strip(r.claim()), r.body()))
                .toList();
        String answered = blank(respondsTo)
                ? points.stream()
                        .map(p -> claimOwners.get(p.claim()))
                        .filter(o -> o != null)
                        .findFirst()
                        .orElse(null)
                : respondsTo.strip();
        LocalDate published = null;
        if (!blank(date)) {
            try {
                published = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                problems.put("date", "unreadable");
            }
        }
        return new ThreadEntry(
                blank(id) ? slug(title) : id.strip(),
                strip(kind),
                strip(title),
                strip(organisation),
                strip(author),
                published,
                strip(url),
                archivedCopy(),
                answered,
                claims,
                points,
                text(body));
    }

    private ThreadEntry.Archived archivedCopy() {
        if (blank(archived)) {
            return null;
        }
        String sha = archived.strip().toLowerCase(Locale.ROOT);
        String[] was = blank(kept) ? new String[0] : kept.strip().split(" ");
        LocalDate retrieved = null;
        if (was.length == 2 && was[0].equals(sha)) {
            try {
                retrieved = LocalDate.parse(was[1]);
            } catch (DateTimeParseException e) {
                retrieved = null; // the service then dates it from its own copy
            }
        }
        return new ThreadEntry.Archived(sha, retrieved);
    }

    /** An id made from a title: lower-case ASCII letters and digits joined by '-'. */
    static String slug(String title) {
        if (blank(title)) {
            return null;
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? null : slug;
    }

    /** Browsers send a textarea's line breaks as CRLF; the entry keeps plain LF. */
    private static String text(String s) {
        return s == null ? "" : s.replace("\r\n", "\n");
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
