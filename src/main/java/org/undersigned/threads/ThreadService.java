package org.undersigned.threads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.Markdown;
import org.undersigned.letters.SigningTarget;
import org.undersigned.signatures.Notifications;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.ShortCache;

/**
 * A letter's thread, from files and from organisers, stored alike: each entry keeps every revision (a correction
 * is a new revision; the old one stays), a retraction marks the entry without deleting it. A new response,
 * rebuttal or statement is announced to signers who asked for news.
 */
@ApplicationScoped
public class ThreadService {

    /** Kinds of entry that signers who asked for news hear about (versions are announced by the letters). */
    static final List<String> ANNOUNCED = List.of("response", "rebuttal", "statement");

    /** An entry as readers see it: Markdown rendered, claims with the points that answer them. */
    public record View(
            String id,
            String kind,
            String title,
            String organisation,
            String author,
            LocalDate date,
            String url,
            ThreadEntry.Archived archived,
            String respondsTo,
            List<ThreadEntry.Claim> claims,
            List<PointView> points,
            String body,
            String html,
            List<Revision> revisions,
            Retraction retracted,
            Map<String, List<Answer>> answers,
            String archiveCopy) {}

    /** A point: the claim it answers, its Markdown as published and that Markdown rendered. */
    public record PointView(String claim, String body, String html) {}

    /** A later entry's point answering one of this entry's claims. */
    public record Answer(String entry, String entryTitle, String organisation, String html) {}

    /** A revision as listed: its number, when and how it was published, the SHA-256 its log entry records. */
    public record Revision(int revision, OffsetDateTime publishedAt, String source, String sha256) {}

    public record Retraction(OffsetDateTime at, String reason) {}

    private final ThreadRepository repository;
    private final LetterService letters;
    private final Markdown markdown;
    private final Notifications notifications;
    private final ThreadLog threadLog;
    private final Archives archiveCopies;

    ThreadService(
            ThreadRepository repository,
            LetterService letters,
            Markdown markdown,
            Notifications notifications,
            ThreadLog threadLog,
            Archives archiveCopies) {
        this.archiveCopies = archiveCopies;
        this.repository = repository;
        this.letters = letters;
        this.markdown = markdown;
        this.notifications = notifications;
        this.threadLog = threadLog;
    }

    /** Stores what changed in the files: new entries, and new revisions of entries whose file changed. */
    @Transactional
    public int load(Map<String, List<ThreadEntry>> threads) {
        int stored = 0;
        for (Map.Entry<String, List<ThreadEntry>> thread : threads.entrySet()) {
            Optional<SigningTarget> letter = letters.signingTarget(thread.getKey());
            if (letter.isEmpty()) {
                continue; // a draft's thread waits until the letter is published
            }
            for (ThreadEntry e : thread.getValue()) {
                long letterId = letter.get().letterId();
                String sha = ThreadRevisions.sha256(ThreadRepository.write(e));
                Optional<ThreadRepository.Row> fromFile = repository.latestFromFile(letterId, e.id());
                if (fromFile.isPresent() && fromFile.get().sha256().equals(sha)) {
                    continue;
                }
                int revision = repository.revisions(letterId, e.id()).size() + 1;
                if (repository.insert(letterId, e, revision, sha, "file", null)) {
                    threadLog.revision(letter.get(), e, revision);
                    stored++;
                    cache.forget(thread.getKey());
                    if (revision == 1) {
                        announce(letter.get(), e);
                    }
                }
            }
        }
        return stored;
    }

    private final ShortCache<String, List<View>> cache = new ShortCache<>(Duration.ofSeconds(1), 10_000);

    /**
     * The thread in timeline order. Read on every view of the letter's page, so kept for a second per replica (and
     * forgotten at once when this replica changes it).
     */
    @Transactional
    public List<View> thread(String slug) {
        return cache.get(slug, this::read);
    }

    private List<View> read(String slug) {
        SigningTarget letter = letter(slug);
        List<ThreadRepository.Row> rows = repository.current(letter.letterId());
        Map<String, List<Answer>> answersByClaim = new LinkedHashMap<>();
        for (ThreadRepository.Row r : rows) {
            if (r.retractedAt() != null) {
                continue; // a retracted entry answers nothing any more
            }
            for (ThreadEntry.Point p : r.entry().points()) {
                answersByClaim
                        .computeIfAbsent(p.claim(), k -> new ArrayList<>())
                        .add(new Answer(
                                r.entry().id(),
                                r.entry().title(),
                                r.entry().organisation(),
                                markdown.toHtml(p.body())));
            }
        }
        var held = archiveCopies.held(letter.letterId());
        return rows.stream().map(r -> view(letter, r, answersByClaim, held)).toList();
    }

    /** Publishes a new entry for the letter; 400 naming each problem, 409 when the id is taken. */
    @Transactional
    public View publish(String slug, ThreadEntry given, String by) {
        SigningTarget letter = letter(slug);
        List<ThreadEntry> current = currentEntries(letter);
        if (current.stream().anyMatch(e -> e.id().equals(given.id()))) {
            throw new ClientErrorException(
                    "The thread already has an entry '" + given.id() + "': correct it instead.", 409);
        }
        ThreadEntry entry = archiveCopies.withRetrievalDate(letter, given);
        validate(entry, current);
        repository.insert(
                letter.letterId(), entry, 1, ThreadRevisions.sha256(ThreadRepository.write(entry)), "api", by);
        threadLog.revision(letter, entry, 1);
        announce(letter, entry);
        cache.forget(slug);
        return find(slug, entry.id());
    }

    /** Corrects an entry: a new revision that readers see, the old one kept. */
    @Transactional
    public View correct(String slug, String id, ThreadEntry given, String by) {
        SigningTarget letter = letter(slug);
        List<ThreadEntry> others = new ArrayList<>(currentEntries(letter));
        if (others.removeIf(e -> e.id().equals(id)) && given.id().equals(id)) {
            ThreadEntry entry = archiveCopies.withRetrievalDate(letter, given);
            validate(entry, others);
            int revision = repository.revisions(letter.letterId(), id).size() + 1;
            repository.insert(
                    letter.letterId(),
                    entry,
                    revision,
                    ThreadRevisions.sha256(ThreadRepository.write(entry)),
                    "api",
                    by);
            threadLog.revision(letter, entry, revision);
            cache.forget(slug);
            return find(slug, id);
        }
        throw given.id() != null && !given.id().equals(id)
                ? new InvalidInput(Map.of("id", "A correction keeps the entry's id '" + id + "'."))
                : new NotFoundException("The thread of '" + slug + "' has no entry '" + id + "'.");
    }

    /** Retracts an entry: it stays visible as retracted, with the reason, and answers nothing any more. */
    @Transactional
    public View retract(String slug, String id, String reason, String by) {
        SigningTarget letter = letter(slug);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInput(Map.of("reason", "Say in up to 1,000 characters why the entry is retracted."));
        }
        List<ThreadRepository.Row> revisions = repository.revisions(letter.letterId(), id);
        if (revisions.isEmpty()) {
            throw new NotFoundException("The thread of '" + slug + "' has no entry '" + id + "'.");
        }
        int revision = revisions.get(revisions.size() - 1).revision();
        if (!repository.retract(letter.letterId(), id, revision, by, reason.strip())) {
            throw new ClientErrorException("Entry '" + id + "' is already retracted.", 409);
        }
        threadLog.retraction(letter.letterId(), slug, id, revision, reason.strip(), Instant.now());
        cache.forget(slug);
        return find(slug, id);
    }

    void forget(@Observes ThreadLog.Backfilled backfilled) {
        cache.forget(backfilled.slug());
    }

    private View find(String slug, String id) {
        return read(slug).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private List<ThreadEntry> currentEntries(SigningTarget letter) {
        return repository.current(letter.letterId()).stream()
                .map(ThreadRepository.Row::entry)
                .toList();
    }

    private static void validate(ThreadEntry entry, List<ThreadEntry> others) {
        Map<String, String> problems = new LinkedHashMap<>(ThreadRules.problems(entry));
        if (problems.isEmpty()) {
            List<ThreadEntry> all = new ArrayList<>(others);
            all.add(entry);
            ThreadRules.threadProblems(all).stream()
                    .filter(p -> p.startsWith("entry '" + entry.id() + "'"))
                    .findFirst()
                    .ifPresent(p -> problems.put(
                            p.contains("responds_to")
                                    ? "responds_to"
                                    : p.contains("claim id") ? "claims" : p.contains("point") ? "points" : "id",
                            p));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private void announce(SigningTarget letter, ThreadEntry e) {
        if (ANNOUNCED.contains(e.kind())) {
            notifications.announce(
                    letter.letterId(), e.kind(), e.title(), "/letters/" + letter.slug() + "/thread#" + e.id());
        }
    }

    private View view(
            SigningTarget letter,
            ThreadRepository.Row r,
            Map<String, List<Answer>> answersByClaim,
            java.util.Set<String> archived) {
        ThreadEntry e = r.entry();
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        e.claims().forEach(c -> answers.put(c.id(), answersByClaim.getOrDefault(c.id(), List.of())));
        List<Revision> revisions = repository.revisions(letter.letterId(), e.id()).stream()
                .map(x -> new Revision(x.revision(), x.publishedAt(), x.source(), x.revisionSha256()))
                .toList();
        return new View(
                e.id(),
                e.kind(),
                e.title(),
                e.organisation(),
                e.author(),
                e.date(),
                e.url(),
                e.archived(),
                e.respondsTo(),
                e.claims(),
                e.points().stream()
                        .map(p -> new PointView(p.claim(), p.body(), markdown.toHtml(p.body())))
                        .toList(),
                e.body(),
                markdown.toHtml(e.body()),
                revisions,
                r.retractedAt() == null ? null : new Retraction(r.retractedAt(), r.retractionReason()),
                answers,
                e.archived() != null && archived.contains(e.archived().sha256())
                        ? "/letters/" + letter.slug() + "/archive/"
                                + e.archived().sha256()
                        : null);
    }

    private SigningTarget letter(String slug) {
        return letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
    }
}
