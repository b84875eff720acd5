package org.undersigned.threads;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Threads")
public class ThreadApi {

    /**
     * The thread as the API gives it: each entry as published (Markdown in {@code body}), with rendered HTML beside
     * it, its revisions (each with the SHA-256 its log entry records) and its retraction if any. The canonical form
     * whose SHA-256 the log records is in {@link ThreadRevisions}.
     */
    public record Thread(List<Entry> entries) {}

    public record Entry(
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
            List<ThreadService.PointView> points,
            String body,
            String html,
            List<ThreadService.Revision> revisions,
            ThreadService.Retraction retracted) {}

    private final ThreadService threads;

    ThreadApi(ThreadService threads) {
        this.threads = threads;
    }

    @GET
    @Path("/letters/{slug}/thread")
    @Operation(
            summary = "The letter's thread in order: studies, responses, rebuttals (each point answering a claim "
                    + "of the entry it responds to), statements")
    public Thread thread(@PathParam("slug") String slug) {
        return new Thread(threads.thread(slug).stream()
                .map(v -> new Entry(
                        v.id(),
                        v.kind(),
                        v.title(),
                        v.organisation(),
                        v.author(),
                        v.date(),
                        v.url(),
                        v.archived(),
                        v.respondsTo(),
                        v.claims(),
                        v.points(),
                        v.body(),
                        v.html(),
                        v.revisions(),
                        v.retracted()))
                .toList());
    }
}
