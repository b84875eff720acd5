package org.undersigned.threads;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.web.StartupJob;

/**
 * The thread on the record (docs/ARCHITECTURE.md#letters-and-threads): each revision and retraction is an entry of
 * the letter's log, written in the transaction that stores it. Rows stored before they were logged are logged once at
 * start-up, after the threads are loaded, each letter under its log's head lock, so two replicas starting together
 * log each one once.
 */
@ApplicationScoped
class ThreadLog implements StartupJob {

    private static final Logger LOG = Logger.getLogger(ThreadLog.class);

    /** Fired when a letter's older revisions were logged: their hashes are shown from now on. */
    record Backfilled(String slug) {}

    private final ThreadRepository repository;
    private final TransparencyLog log;
    private final LetterService letters;
    private final Event<Backfilled> backfilled;

    ThreadLog(ThreadRepository repository, TransparencyLog log, LetterService letters, Event<Backfilled> backfilled) {
        this.repository = repository;
        this.log = log;
        this.letters = letters;
        this.backfilled = backfilled;
    }

    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 650;
    }

    @Override
    public void runAtStart() {
        int logged = 0;
        for (long letterId : QuarkusTransaction.requiringNew().call(repository::lettersWithUnlogged)) {
            logged += QuarkusTransaction.requiringNew().call(() -> backfill(letterId));
        }
        if (logged > 0) {
            LOG.infof("Logged %d thread revisions or retractions stored before they were logged", logged);
        }
    }

    /** A revision just stored: its canonical form's SHA-256 goes into the log. */
    @Transactional(Transactional.TxType.MANDATORY)
    void revision(SigningTarget letter, ThreadEntry e, int revision) {
        revision(letter.letterId(), letter.slug(), e, revision, Instant.now());
    }

    /** A retraction just stored: the SHA-256 of its reason goes into the log. */
    @Transactional(Transactional.TxType.MANDATORY)
    void retraction(long letterId, String slug, String id, int revision, String reason, Instant at) {
        log.append(
                letterId,
                LogEntries.threadRetraction(slug, at, id, revision, ThreadRevisions.sha256(reason)),
                null,
                null);
    }

    private String revision(long letterId, String slug, ThreadEntry e, int revision, Instant at) {
        String sha = ThreadRevisions.sha256(e);
        log.append(letterId, LogEntries.threadRevision(slug, at, e.id(), revision, sha), null, null);
        return sha;
    }

    /** Logs a letter's rows stored before they were logged; the caller's transaction holds the log's head lock. */
    private int backfill(long letterId) {
        log.holdSequencer(letterId);
        String slug = letters.signingTarget(letterId).map(SigningTarget::slug).orElse(null);
        if (slug == null) {
            return 0;
        }
        List<ThreadRepository.Row> rows = repository.unlogged(letterId);
        for (ThreadRepository.Row r : rows) {
            String sha = r.logged()
                    ? r.revisionSha256()
                    : revision(
                            letterId,
                            slug,
                            r.entry(),
                            r.revision(),
                            r.publishedAt().toInstant());
            if (r.retractedAt() != null && !r.retractionLogged()) {
                retraction(
                        letterId,
                        slug,
                        r.entry().id(),
                        r.revision(),
                        r.retractionReason(),
                        r.retractedAt().toInstant());
            }
            repository.markLogged(letterId, r, sha);
        }
        backfilled.fire(new Backfilled(slug));
        return rows.size();
    }
}
