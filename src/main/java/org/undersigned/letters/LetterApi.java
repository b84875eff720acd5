package org.undersigned.letters;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.LetterSummary;
import org.undersigned.letters.LetterViews.VersionText;
import org.undersigned.web.LocalNotFound;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Letters")
public class LetterApi {

    private final LetterService letters;

    LetterApi(LetterService letters) {
        this.letters = letters;
    }

    @GET
    @Path("/letters")
    @Operation(summary = "Published letters (open and closed), with their latest version")
    public List<LetterSummary> list() {
        return letters.list();
    }

    @GET
    @Path("/letters/{slug}")
    @Operation(summary = "A letter and its versions: number, text hash, publication time, changes")
    public LetterDetail letter(@PathParam("slug") String slug) {
        return letters.find(slug).orElseThrow(() -> noLetter(slug));
    }

    @GET
    @Path("/letters/{slug}/versions/{number}")
    @Operation(summary = "One version: the normalised Markdown that textSha256 hashes, and its HTML")
    public VersionText version(@PathParam("slug") String slug, @PathParam("number") int number) {
        return letters.version(slug, number)
                .orElseThrow(() -> letters.find(slug).isEmpty()
                        ? noLetter(slug)
                        : new NotFoundException("Letter '" + slug + "' has no version " + number + "."));
    }

    static NotFoundException noLetter(String slug) {
        return new LocalNotFound(m -> m.noLetter(slug));
    }
}
