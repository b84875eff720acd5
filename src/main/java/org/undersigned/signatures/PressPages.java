package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.Languages;

/**
 * The press list's pages: asking to join (from the letter page), the mailed confirmation link, and leaving. They
 * work without JavaScript; links show a page on GET and act on POST, so mail scanners change nothing.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PressPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance asked(SigningTarget letter, String email, boolean invalid);

        static native TemplateInstance confirm(String token, Optional<PressList.Found> found, boolean done);

        static native TemplateInstance leave(long seq, String code, Optional<PressList.Found> found, boolean done);
    }

    private final PressList press;
    private final SignableLetters letters;
    private final SigningGuard guard;
    private final Languages languages;
    private final Csrf csrf;

    PressPages(PressList press, SignableLetters letters, SigningGuard guard, Languages languages, Csrf csrf) {
        this.press = press;
        this.letters = letters;
        this.guard = guard;
        this.languages = languages;
        this.csrf = csrf;
    }

    @POST
    @Path("letters/{slug}/press")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response ask(
            @PathParam("slug") String slug,
            @FormParam("email") String email,
            @FormParam(Csrf.FIELD) String token,
            @Context HttpServerRequest http) {
        csrf.verify(token);
        SigningTarget letter = letters.letter(slug);
        guard.limitLinkRequests(http);
        String address = email == null ? "" : email.strip();
        try {
            guard.limitEmail(address);
            press.subscribe(
                    slug,
                    address,
                    languages.current().map(Locale::toLanguageTag).orElse(null));
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.asked(letter, address, true))
                    .build();
        }
        return Response.ok(Templates.asked(letter, address, false)).build();
    }

    @GET
    @Path("press/confirm/{token}")
    @Operation(hidden = true)
    public TemplateInstance confirmPage(@PathParam("token") String token, @Context HttpServerRequest http) {
        Optional<PressList.Found> found = press.inspect(token);
        guard.limitJunk(http, found.isPresent());
        return Templates.confirm(token, found, false);
    }

    @POST
    @Path("press/confirm/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance confirm(
            @PathParam("token") String token,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        Optional<PressList.Found> found = press.confirm(token);
        guard.limitJunk(http, found.isPresent());
        return Templates.confirm(token, found, true);
    }

    @GET
    @Path("press/unsubscribe/{seq}/{code}")
    @Operation(hidden = true)
    public TemplateInstance leavePage(
            @PathParam("seq") long seq, @PathParam("code") String code, @Context HttpServerRequest http) {
        Optional<PressList.Found> found = press.unsubscribe(seq, code, false);
        guard.limitJunk(http, found.isPresent());
        return Templates.leave(seq, code, found, false);
    }

    @POST
    @Path("press/unsubscribe/{seq}/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance leave(
            @PathParam("seq") long seq,
            @PathParam("code") String code,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        Optional<PressList.Found> found = press.unsubscribe(seq, code, true);
        guard.limitJunk(http, found.isPresent());
        return Templates.leave(seq, code, found, true);
    }
}
