package org.undersigned.threads;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves archived copies at a stable address, as downloads and never as live pages of this origin: an attachment,
 * under a sandboxing Content-Security-Policy (set by web.SecurityHeaders), with the type the page was served with.
 */
@Path("/letters/{slug}/archive/{sha256: [0-9a-f]{64}}")
@Tag(name = "Threads")
public class ArchiveResource {

    private final Archives archives;

    ArchiveResource(Archives archives) {
        this.archives = archives;
    }

    @GET
    @Operation(
            summary = "An archived copy of a page a thread entry cites, as a download; its SHA-256 is in the address")
    public Response copy(@PathParam("slug") String slug, @PathParam("sha256") String sha256) {
        Archives.Body body = archives.body(slug, sha256)
                .orElseThrow(() -> new NotFoundException("No archived copy " + sha256 + " for this letter."));
        return Response.ok(body.bytes())
                .type(
                        body.contentType().matches("[\\w.+-]+/[\\w.+-]+(;[ \\w=.\"+-]*)*")
                                ? body.contentType()
                                : "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"archive-" + sha256.substring(0, 16) + "\"")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .build();
    }
}
