package org.undersigned.transparency;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterSummary;
import org.undersigned.web.PublicUrl;

/** The press page: how to check a count, a point of its history and the names, in plain words with the commands. */
@Path("/")
public class PressPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance press(String base, List<LetterSummary> letters);
    }

    private final LetterService letters;
    private final PublicUrl publicUrl;

    PressPage(LetterService letters, PublicUrl publicUrl) {
        this.letters = letters;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("press")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance press() {
        return Templates.press(publicUrl.base(), letters.list());
    }
}
