package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.threads.Archives;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;
import org.undersigned.web.InvalidInput;

/** Organisers write their letter's thread (docs/ARCHITECTURE.md#organisers): publish, correct, retract; audited. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisers")
@SecurityRequirement(name = "organiser")
public class ThreadEditingApi {

    private final OrganiserAccess access;
    private final Audit audit;
    private final ThreadService threads;
    private final Archives archives;

    ThreadEditingApi(OrganiserAccess access, Audit audit, ThreadService threads, Archives archives) {
        this.access = access;
        this.audit = audit;
        this.threads = threads;
        this.archives = archives;
    }

    /** The page to archive. */
    public record ArchiveRequest(String url) {}

    @POST
    @Path("/letters/{slug}/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Operation(
            summary = "Archive a page a thread entry cites (a company's response): the service fetches it now and"
                    + " keeps the bytes; give the answer's sha256 as the entry's archived.sha256")
    public Response archive(@PathParam("slug") String slug, ArchiveRequest body) {
        String actor = access.forLetter(slug);
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw new InvalidInput(Map.of("url", "Give the address of the page to archive."));
        }
        // no transaction while fetching: the page may take seconds
        Archives.Archived copy = archives.archive(slug, body.url(), actor);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(actor, "thread-archive", slug, copy.sha256(), copy.url()));
        return Response.status(201).entity(copy).build();
    }

    @POST
    @Path("/letters/{slug}/thread")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Publish a thread entry (a response, a rebuttal...); stored and shown like file-based ones")
    public Response publish(@PathParam("slug") String slug, ThreadEntry entry) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.publish(slug, entryOrProblem(entry), actor);
        audit.record(actor, "thread-publish", slug, view.id(), view.title());
        return Response.status(201).entity(view).build();
    }

    @PUT
    @Path("/letters/{slug}/thread/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Correct a thread entry: a new revision, the earlier ones kept")
    public ThreadService.View correct(@PathParam("slug") String slug, @PathParam("id") String id, ThreadEntry entry) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.correct(slug, id, entryOrProblem(entry), actor);
        audit.record(
                actor,
                "thread-correct",
                slug,
                id,
                "revision " + view.revisions().size());
        return view;
    }

    @POST
    @Path("/letters/{slug}/thread/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Retract a thread entry: it stays visible, marked retracted with the reason")
    public ThreadService.View retract(
            @PathParam("slug") String slug, @PathParam("id") String id, OrganiserApi.Rejection body) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.retract(slug, id, body == null ? null : body.reason(), actor);
        audit.record(actor, "thread-retract", slug, id, body == null ? null : body.reason());
        return view;
    }

    private static ThreadEntry entryOrProblem(ThreadEntry entry) {
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
