package org.undersigned.transparency;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Languages;
import org.undersigned.web.LocalNotFound;
import org.undersigned.web.ScriptWords;
import org.undersigned.web.VerifyCountMessages;
import org.undersigned.web.VerifyLogMessages;

/**
 * The in-browser verifier of a letter's count: a page explaining what is checked, whose script (/js/verify.js)
 * recomputes key ID, checkpoint signature, Merkle root and count from the public log, independently of this
 * server's code. Without JavaScript the page still explains the checks and links to the raw data.
 */
@Path("/")
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(SigningTarget letter, String origin, String words);
    }

    private final LetterService letters;
    private final LogKeys keys;
    private final Languages languages;

    VerifyPage(LetterService letters, LogKeys keys, Languages languages) {
        this.letters = letters;
        this.keys = keys;
        this.languages = languages;
    }

    @GET
    @Path("letters/{slug}/verify")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance verify(@PathParam("slug") String slug) {
        SigningTarget letter = letters.signingTarget(slug).orElseThrow(() -> new LocalNotFound(m -> m.noLetter(slug)));
        // the script's words, in the page's language
        String words = ScriptWords.json(
                languages.current().orElse(Locale.ENGLISH), VerifyLogMessages.class, VerifyCountMessages.class);
        return Templates.verify(letter, keys.origin(letter.slug()), words);
    }
}
