package org.undersigned.transparency;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;

/**
 * The in-browser verifier of a letter's count: a page explaining what is checked, whose script (/js/verify.js)
 * recomputes key ID, checkpoint signature, Merkle root and count from the public log, independently of this
 * server's code. Without JavaScript the page still explains the checks and links to the raw data.
 */
@Path("/")
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(SigningTarget letter, String origin);
    }

    private final LetterService letters;
    private final LogKeys keys;

    VerifyPage(LetterService letters, LogKeys keys) {
        this.letters = letters;
        this.keys = keys;
    }

    @GET
    @Path("letters/{slug}/verify")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance verify(@PathParam("slug") String slug) {
        SigningTarget letter = letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
        return Templates.verify(letter, keys.origin(letter.slug()));
    }
}
