package org.undersigned.organisers;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.threads.Archives;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;

/** Organisers write their letter's thread (docs/ARCHITECTURE.md#organisers): publish, correct, retract; audited. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisers")
@SecurityRequirement(name = "organiser")
public class ThreadEditingApi {

    private final OrganiserAccess access;
    private final ThreadEditing editing;

    ThreadEditingApi(OrganiserAccess access, ThreadEditing editing) {
        this.access = access;
        this.editing = editing;
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
        Archives.Archived copy = editing.archive(slug, body == null ? null : body.url(), actor);
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
        return Response.status(201).entity(editing.publish(slug, entry, actor)).build();
    }

    @PUT
    @Path("/letters/{slug}/thread/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Correct a thread entry: a new revision, the earlier ones kept")
    public ThreadService.View correct(@PathParam("slug") String slug, @PathParam("id") String id, ThreadEntry entry) {
        String actor = access.forLetter(slug);
        return editing.correct(slug, id, entry, actor);
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
        return editing.retract(slug, id, body == null ? null : body.reason(), actor);
    }
}
