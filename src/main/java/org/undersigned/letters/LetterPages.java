package org.undersigned.letters;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.LetterSummary;
import org.undersigned.letters.LetterViews.VersionDiff;
import org.undersigned.letters.LetterViews.VersionText;
import org.undersigned.web.Csrf;
import org.undersigned.web.Languages;
import org.undersigned.web.LocalNotFound;
import org.undersigned.web.SharedPage;

/** Server-rendered letter pages; they work without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LetterPages {

    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,6})\\.\\.([0-9]{1,6})");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Listed> letters);

        static native TemplateInstance letter(
                LetterDetail letter, VersionText version, boolean latest, List<String> sections);

        static native TemplateInstance diff(VersionDiff diff);
    }

    /** The keys under {@code undersigned.page}. */
    @ConfigMapping(prefix = "undersigned.page")
    interface Config {
        /** How long a rendered letter page is served before it is rendered again, if nothing changed. */
        @WithDefault("1s")
        Duration cache();

        /**
         * How long after a request found a page current (its revision checked) {@link LetterPageRoute} may serve it
         * without checking again; 0s: never.
         */
        @WithDefault("1s")
        Duration recheck();
    }

    /** A letter on the home page, with the notes other features add to it (safe HTML). */
    record Listed(LetterSummary letter, String notes) {}

    private final LetterService letters;
    private final Instance<LetterPageSection> sections;
    private final Instance<LetterListNote> notes;
    private final Csrf csrf;
    private final long pageTtlNanos;
    private final long recheckNanos;
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final Map<String, Object> firstRenderings = new ConcurrentHashMap<>();
    private final Languages languages;

    LetterPages(
            LetterService letters,
            @Any Instance<LetterPageSection> sections,
            @Any Instance<LetterListNote> notes,
            Csrf csrf,
            Config config,
            Languages languages) {
        this.languages = languages;
        this.letters = letters;
        this.sections = sections;
        this.notes = notes;
        this.csrf = csrf;
        this.pageTtlNanos = config.cache().toNanos();
        this.recheckNanos = config.recheck().toNanos();
    }

    private List<String> sections(String slug) {
        return sections.stream()
                .sorted(Comparator.comparingInt(LetterPageSection::order))
                .map(s -> s.html(slug))
                .toList();
    }

    /**
     * The home page, shared like a letter's page: rendered once per language, and again when content was loaded, a
     * letter's note changed (its count), or after {@code undersigned.page.cache}; so a visit reads neither the
     * letters nor their signatures, only the notes' revisions (cached counts).
     */
    @GET
    @Operation(hidden = true)
    public Response index() {
        long generation = letters.generation(); // read first: a load meanwhile makes the next visit render again
        List<LetterSummary> listed = letters.list();
        List<String> slugs = listed.stream().map(LetterSummary::slug).toList();
        String revision = generation + "|"
                + notes.stream().map(n -> String.join("|", n.revisions(slugs))).collect(Collectors.joining("#"));
        SharedPage html = shared(
                "",
                revision,
                () -> Templates.index(listed.stream()
                                .map(l -> new Listed(
                                        l,
                                        notes.stream()
                                                .map(n -> n.html(l.slug()))
                                                .collect(Collectors.joining())))
                                .toList())
                        .render());
        return Response.ok(csrf.personalise(html), HTML_UTF8).build();
    }

    /**
     * The most read page of all, so it is rendered once per change for every visitor (each gets their own CSRF
     * token in the form) and re-rendered when the letter or a section changes, or after {@code undersigned.page.cache}.
     */
    @GET
    @Operation(hidden = true)
    @Path("letters/{slug}")
    public Response letter(@PathParam("slug") String slug) {
        SigningTarget target = letters.signingTarget(slug).orElseThrow(() -> LetterApi.noLetter(slug));
        String revision = target.version() + "|"
                + sections.stream().map(s -> s.revision(slug)).collect(Collectors.joining("|"));
        SharedPage html = shared(slug, revision, () -> {
            LetterDetail letter = letters.find(slug).orElseThrow(() -> LetterApi.noLetter(slug));
            return Templates.letter(
                            letter,
                            letters.version(slug, letter.latest().number()).orElseThrow(),
                            true,
                            sections(slug))
                    .render();
        });
        return Response.ok(csrf.personalise(html), HTML_UTF8).build();
    }

    /** A page rendered once for every visitor of this language while its revision holds, for the page cache's time. */
    private SharedPage shared(String page, String revision, Supplier<String> render) {
        long now = System.nanoTime();
        // one rendering per language: the page's frame is in the reader's language
        String key = key(page, languages.current().map(Locale::toLanguageTag).orElse(""));
        CachedPage cached = pages.get(key);
        if (cached == null) {
            // the first rendering (after start, or of a new language): one request renders, the others wait for it,
            // instead of every request rendering at once on a cold start
            synchronized (firstRenderings.computeIfAbsent(key, k -> new Object())) {
                cached = pages.get(key);
                if (cached == null) {
                    cached = new CachedPage(
                            revision, csrf.renderShared(render), now, new AtomicBoolean(), new AtomicLong(now));
                    pages.put(key, cached);
                }
            }
        }
        boolean stale = !cached.revision().equals(revision) || now - cached.at() >= pageTtlNanos;
        // one request re-renders a stale page; the others serve the old one for those few milliseconds
        if (stale && cached.rendering().compareAndSet(false, true)) {
            SharedPage html;
            try {
                html = csrf.renderShared(render);
            } finally {
                cached.rendering().set(false);
            }
            cached = new CachedPage(revision, html, now, new AtomicBoolean(), new AtomicLong(now));
            pages.put(key, cached); // bounded: the home page and published letters' slugs, times the languages
        }
        if (cached.revision().equals(revision)) {
            cached.checked().set(now);
        }
        return cached.html();
    }

    /**
     * A letter's page in a language, if a request found it current less than {@code undersigned.page.recheck} ago;
     * else null. Memory only: {@link LetterPageRoute} asks on the I/O thread.
     */
    SharedPage recentlyChecked(String slug, Locale language) {
        CachedPage cached = pages.get(key(slug, language.toLanguageTag()));
        return cached != null && System.nanoTime() - cached.checked().get() < recheckNanos ? cached.html() : null;
    }

    private static String key(String page, String language) {
        return page + "|" + language;
    }

    /** A rendered page: the revision it shows, since when, and when a request last found that revision current. */
    private record CachedPage(String revision, SharedPage html, long at, AtomicBoolean rendering, AtomicLong checked) {}

    @GET
    @Operation(hidden = true)
    @Path("letters/{slug}/v/{number}")
    public TemplateInstance version(@PathParam("slug") String slug, @PathParam("number") String number) {
        LetterDetail letter = letters.find(slug).orElseThrow(() -> LetterApi.noLetter(slug));
        VersionText version = (number.matches("[0-9]{1,6}")
                        ? letters.version(slug, Integer.parseInt(number))
                        : Optional.<VersionText>empty())
                .orElseThrow(() -> new LocalNotFound(
                        m -> m.noVersion(letter.title(), number, letter.latest().number())));
        boolean latest = version.number() == letter.latest().number();
        return Templates.letter(letter, version, latest, latest ? sections(slug) : List.of());
    }

    @GET
    @Operation(hidden = true)
    @Path("letters/{slug}/diff/{range}")
    public TemplateInstance diff(@PathParam("slug") String slug, @PathParam("range") String range) {
        LetterDetail letter = letters.find(slug).orElseThrow(() -> LetterApi.noLetter(slug));
        Matcher m = RANGE.matcher(range);
        int latest = letter.latest().number();
        if (!m.matches()) {
            throw new LocalNotFound(w -> w.notAPair(range) + " " + w.compareHow(slug, latest));
        }
        return Templates.diff(letters.diff(slug, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                .orElseThrow(() -> new LocalNotFound(
                        w -> w.onlyVersions(letter.title(), latest) + " " + w.compareHow(slug, latest))));
    }
}
