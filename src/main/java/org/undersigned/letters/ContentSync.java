package org.undersigned.letters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.undersigned.web.StartupJob;

/**
 * Loads the content folder into the database, which is the system of record. Runs at startup (a failure stops the
 * service, with the file named) and on demand. Idempotent, and safe when replicas start together: the whole load
 * runs in one transaction that first takes a row lock, so replicas take turns and the later ones find nothing to do.
 */
@ApplicationScoped
public class ContentSync implements StartupJob {

    private static final Logger LOG = Logger.getLogger(ContentSync.class);

    /** What one load did, for logs and for the organiser who asked for it. */
    public record Report(int letters, int versionsAdded) {}

    private final LetterRepository letters;
    private final LetterVersionRepository versions;
    private final Markdown markdown;
    private final Event<VersionPublished> published;
    private final LetterService letterService;
    private final Path contentDir;

    ContentSync(
            LetterRepository letters,
            LetterVersionRepository versions,
            Markdown markdown,
            Event<VersionPublished> published,
            LetterService letterService,
            ContentDir contentDir) {
        this.letters = letters;
        this.versions = versions;
        this.markdown = markdown;
        this.published = published;
        this.letterService = letterService;
        this.contentDir = contentDir.path();
    }

    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 500;
    }

    @Override
    public void runAtStart() {
        Report report = sync();
        LOG.infof(
                "Loaded %d letters from %s (%d new versions)",
                report.letters(), contentDir.toAbsolutePath(), report.versionsAdded());
    }

    /** Reads and validates every file first, so that nothing is written unless the whole folder is valid. */
    @Transactional
    public Report sync() {
        return sync(contentDir);
    }

    @Transactional
    Report sync(Path dir) {
        List<LetterSource> sources = new ContentReader().read(dir);
        letters.lockContent();
        int added = 0;
        for (LetterSource source : sources) {
            added += store(source);
        }
        letterService.forget();
        return new Report(sources.size(), added);
    }

    private int store(LetterSource source) {
        Letter letter = letters.findBySlug(source.slug()).orElseGet(Letter::new);
        letter.slug = source.slug();
        letter.title = source.title();
        letter.summary = source.summary();
        letter.status = source.status();
        letter.addressedTo = source.addressedTo();
        letter.milestones = String.join(
                ",", source.milestones().stream().map(String::valueOf).toList());
        letter.addresseeEmail = source.addresseeEmail();
        letter.addresseeMilestones = source.addresseeMilestones();
        letter.opens = source.opens();
        letter.closes = source.closes();
        letter.languages = String.join(",", source.languages());
        letter.loadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        letter.organisers.clear();
        source.organisers().forEach(o -> letter.organisers.add(new Letter.Organiser(o.name(), o.orcid())));
        if (letter.id == null) {
            letters.persist(letter);
        }
        List<LetterVersion> stored = versions.findByLetter(letter.id);
        for (LetterVersion old : stored) {
            if (old.number > source.versions().size()) {
                throw new ContentException(
                        source.directory().resolve("v" + old.number + ".md"),
                        "version " + old.number + " was published and cannot be removed: restore the file");
            }
            LetterSource.Version file = source.versions().get(old.number - 1);
            if (!old.textSha256.equals(file.textSha256())) {
                throw new ContentException(
                        file.file(),
                        "published version " + old.number
                                + " has changed (stored text hash " + old.textSha256 + ", file now hashes to "
                                + file.textSha256() + "): a published version never changes; publish the edit as v"
                                + (source.versions().size() + 1) + ".md instead");
            }
            if (old.carriesSignatures != file.carriesSignatures()) {
                throw new ContentException(
                        file.file(), "carries_signatures of published version " + old.number + " cannot change");
            }
            old.html = markdown.toHtml(old.markdown);
        }
        int added = 0;
        for (LetterSource.Version file :
                source.versions().subList(stored.size(), source.versions().size())) {
            LetterVersion v = new LetterVersion();
            v.letterId = letter.id;
            v.number = file.number();
            v.published = file.published();
            v.changes = file.changes();
            v.carriesSignatures = file.carriesSignatures();
            v.textSha256 = file.textSha256();
            v.markdown = file.markdown();
            v.html = markdown.toHtml(file.markdown());
            versions.persist(v);
            added++;
            if (v.number > 1) {
                published.fire(new VersionPublished(
                        letter.id, letter.slug, letter.title, v.number, v.textSha256, v.carriesSignatures));
            }
        }
        return added;
    }
}
