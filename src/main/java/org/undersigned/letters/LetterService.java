package org.undersigned.letters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.LetterSummary;
import org.undersigned.letters.LetterViews.Organiser;
import org.undersigned.letters.LetterViews.VersionDiff;
import org.undersigned.letters.LetterViews.VersionInfo;
import org.undersigned.letters.LetterViews.VersionText;
import org.undersigned.web.ShortCache;

/** Read access to published letters for other features and for the API and pages. Drafts are never public. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LetterService {

    private final LetterRepository letters;
    private final LetterVersionRepository versions;
    private final Diffs diffs;

    /** {@code undersigned.letters.cache}: how long a replica keeps a letter's signing target before reading it again. */
    LetterService(
            LetterRepository letters,
            LetterVersionRepository versions,
            Diffs diffs,
            @ConfigProperty(name = "undersigned.letters.cache", defaultValue = "2s") Duration cache) {
        this.letters = letters;
        this.versions = versions;
        this.diffs = diffs;
        this.targets = new ShortCache<>(cache, 10_000);
    }

    /** The published letters with their latest versions, read again only after content was loaded. */
    public List<LetterSummary> list() {
        return listing().letters();
    }

    /** The database ids of the letters {@link #list} lists, by slug. */
    public Map<String, Long> listedIds() {
        return listing().ids();
    }

    private Listing listing() {
        Listing listing = this.listing;
        long current = generation.get();
        if (listing != null && listing.generation() == current) {
            return listing;
        }
        // read at the generation seen before the read: a load meanwhile makes the next call read again
        List<LetterSummary> read = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (Letter l : letters.findPublic()) {
            versions.findLatest(l.id).ifPresent(v -> {
                read.add(new LetterSummary(
                        l.slug, l.title, l.summary, l.status.label(), l.addressedTo, v.number, v.published));
                ids.put(l.slug, l.id);
            });
        }
        listing = new Listing(current, List.copyOf(read), Map.copyOf(ids));
        this.listing = listing;
        return listing;
    }

    private record Listing(long generation, List<LetterSummary> letters, Map<String, Long> ids) {}

    private volatile Listing listing;

    public Optional<LetterDetail> find(String slug) {
        return publicLetter(slug).map(l -> detail(l, versions.findByLetter(l.id)));
    }

    public Optional<VersionText> version(String slug, int number) {
        return publicLetter(slug)
                .flatMap(l -> versions.find(l.id, number))
                .map(v -> new VersionText(
                        v.number, v.markdown, v.html, v.textSha256, v.published, v.changes, v.carriesSignatures));
    }

    /** Slugs of the published letters whose letter.yaml lists {@code orcid} as an organiser. */
    public List<String> organisedBy(String orcid) {
        return letters.findPublic().stream()
                .filter(l -> l.organisers.stream().anyMatch(o -> orcid.equals(o.orcid)))
                .map(l -> l.slug)
                .toList();
    }

    /** Whether the published letter {@code slug}'s letter.yaml lists {@code orcid} as an organiser. */
    public boolean organises(String slug, String orcid) {
        return publicLetter(slug)
                .map(l -> l.organisers.stream().anyMatch(o -> orcid.equals(o.orcid)))
                .orElse(false);
    }

    /** Empty when the letter or either version does not exist. The word diff itself is computed once (Diffs). */
    public Optional<VersionDiff> diff(String slug, int from, int to) {
        return publicLetter(slug).flatMap(l -> {
            List<LetterVersion> all = versions.findByLetter(l.id);
            if (from < 1 || to < 1 || from > all.size() || to > all.size()) {
                return Optional.empty();
            }
            LetterVersion a = all.get(from - 1);
            LetterVersion b = all.get(to - 1);
            WordDiff.Result result = diffs.between(slug, a, b);
            return Optional.of(new VersionDiff(
                    detail(l, all), info(a), info(b), result.html(), result.wordsAdded(), result.wordsRemoved()));
        });
    }

    /**
     * The letter and its current version, for signing; empty for unknown letters and drafts. Asked on every sign-up
     * and count request, so kept for a couple of seconds per replica (letters change only when content is loaded).
     */
    public Optional<SigningTarget> signingTarget(String slug) {
        return targets.get(
                slug,
                s -> publicLetter(s)
                        .flatMap(l -> versions.findLatest(l.id)
                                .map(v -> new SigningTarget(
                                        l.id, l.slug, l.title, l.status, l.opens, l.closes, v.number, v.textSha256))));
    }

    /**
     * The signing target of a published letter as loaded within the cache time; empty if there is none or it was not
     * loaded then: never reads the database, so an I/O thread may ask (the first request after the cache time takes
     * the usual path and loads it).
     */
    public Optional<SigningTarget> freshSigningTarget(String slug) {
        Optional<SigningTarget> loaded = targets.fresh(slug);
        return loaded == null ? Optional.empty() : loaded;
    }

    /** A letter's milestones (ascending) and whom besides its signers and the press to tell: the addressee, if opted in. */
    public record Milestones(List<Long> counts, Optional<String> addressee) {
        public static final Milestones NONE = new Milestones(List.of(), Optional.empty());
    }

    /** Asked whenever the letter's count changes, so kept for a couple of seconds per replica, like signing targets. */
    public Milestones milestones(long letterId) {
        return milestones.get(
                letterId,
                id -> letters.findByIdOptional(id)
                        .filter(l -> l.milestones != null && !l.milestones.isEmpty())
                        .map(l -> new Milestones(
                                java.util.Arrays.stream(l.milestones.split(","))
                                        .map(Long::valueOf)
                                        .toList(),
                                l.addresseeMilestones ? Optional.ofNullable(l.addresseeEmail) : Optional.empty()))
                        .orElse(Milestones.NONE));
    }

    private final ShortCache<Long, Milestones> milestones = new ShortCache<>(Duration.ofSeconds(2), 10_000);

    /** Forgets cached letters, after content was loaded. */
    void forget() {
        targets.clear();
        milestones.clear();
        generation.incrementAndGet();
    }

    private final AtomicLong generation = new AtomicLong();

    /** Changes whenever content was loaded, so that pages cached from the letters' list know to render again. */
    long generation() {
        return generation.get();
    }

    // unknown slugs come from URLs too, so the cache is bounded
    private final ShortCache<String, Optional<SigningTarget>> targets;

    /** The title of a letter by its database id, for mails about signatures. */
    public Optional<SigningTarget> signingTarget(long letterId) {
        return letters.findByIdOptional(letterId).flatMap(l -> signingTarget(l.slug));
    }

    private Optional<Letter> publicLetter(String slug) {
        return letters.findBySlug(slug).filter(l -> l.status != LetterStatus.DRAFT);
    }

    private static LetterDetail detail(Letter l, List<LetterVersion> all) {
        return new LetterDetail(
                l.slug,
                l.title,
                l.summary,
                l.status.label(),
                l.addressedTo,
                l.opens,
                l.closes,
                Arrays.asList(l.languages.split(",")),
                l.organisers.stream().map(o -> new Organiser(o.name, o.orcid)).toList(),
                all.stream().map(LetterService::info).toList());
    }

    private static VersionInfo info(LetterVersion v) {
        return new VersionInfo(v.number, v.textSha256, v.published, v.changes, v.carriesSignatures);
    }
}
