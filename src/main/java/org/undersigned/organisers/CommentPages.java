package org.undersigned.organisers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.signatures.CountedSignatures;
import org.undersigned.web.InvalidInput;

/**
 * The comments signers left when signing, for a letter's organisers only (no public page or API shows them): newest
 * confirmation first, a keyset page at a time. Comments are the signers' own words, escaped and never translated.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
public class CommentPages {

    static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comments(
                SigningTarget letter, CountedSignatures.Comments comments, int limit, boolean first, boolean invalid);
    }

    private final OrganiserAccess access;
    private final LetterService letters;
    private final CountedSignatures counted;

    CommentPages(OrganiserAccess access, LetterService letters, CountedSignatures counted) {
        this.access = access;
        this.letters = letters;
        this.counted = counted;
    }

    @GET
    @Path("organisers/letters/{slug}/comments")
    @Operation(hidden = true)
    public Response comments(
            @PathParam("slug") String slug, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        Integer size = AttestPages.pageSize(limit, PAGE);
        CountedSignatures.Comments none = new CountedSignatures.Comments(List.of(), null);
        if (size == null) {
            return Response.status(400)
                    .entity(Templates.comments(letter, none, PAGE, false, true))
                    .build();
        }
        try {
            return Response.ok(Templates.comments(
                            letter, counted.comments(slug, after, size), size, after == null || after.isBlank(), false))
                    .build();
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.comments(letter, none, size, false, true))
                    .build();
        }
    }
}
