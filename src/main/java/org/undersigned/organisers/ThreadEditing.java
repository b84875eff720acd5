package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.undersigned.threads.Archives;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;
import org.undersigned.web.InvalidInput;

/**
 * Writing a letter's thread on an organiser's behalf, each action audited: the JSON API (ThreadEditingApi) and the
 * console's editor (ThreadEditorPages) both go through here, so they store and audit alike.
 */
@ApplicationScoped
class ThreadEditing {

    private final Audit audit;
    private final ThreadService threads;
    private final Archives archives;

    ThreadEditing(Audit audit, ThreadService threads, Archives archives) {
        this.audit = audit;
        this.threads = threads;
        this.archives = archives;
    }

    /** Fetches and keeps the page; outside any transaction, since the fetch may take seconds. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Archives.Archived archive(String slug, String url, String actor) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput(Map.of("url", "Give the address of the page to archive."));
        }
        Archives.Archived copy = archives.archive(slug, url, actor);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(actor, "thread-archive", slug, copy.sha256(), copy.url()));
        return copy;
    }

    @Transactional
    ThreadService.View publish(String slug, ThreadEntry entry, String actor) {
        ThreadService.View view = threads.publish(slug, complete(entry), actor);
        audit.record(actor, "thread-publish", slug, view.id(), view.title());
        return view;
    }

    @Transactional
    ThreadService.View correct(String slug, String id, ThreadEntry entry, String actor) {
        ThreadService.View view = threads.correct(slug, id, complete(entry), actor);
        audit.record(
                actor,
                "thread-correct",
                slug,
                id,
                "revision " + view.revisions().size());
        return view;
    }

    @Transactional
    ThreadService.View retract(String slug, String id, String reason, String actor) {
        ThreadService.View view = threads.retract(slug, id, reason, actor);
        audit.record(actor, "thread-retract", slug, id, reason);
        return view;
    }

    /** The entry with empty lists and body for absent ones; a missing entry is a 400. */
    private static ThreadEntry complete(ThreadEntry entry) {
        if (entry == null) {
            throw new InvalidInput(Map.of("body", "Send the entry as JSON: id, kind, title, date, body and the rest."));
        }
        return new ThreadEntry(
                entry.id(),
                entry.kind(),
                entry.title(),
                entry.organisation(),
                entry.author(),
                entry.date(),
                entry.url(),
                entry.archived(),
                entry.respondsTo(),
                entry.claims() == null ? List.of() : entry.claims(),
                entry.points() == null ? List.of() : entry.points(),
                entry.body() == null ? "" : entry.body());
    }
}
