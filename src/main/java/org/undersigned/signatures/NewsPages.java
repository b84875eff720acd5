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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Csrf;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;

/**
 * Unsubscribing from news mails (GET shows, POST acts; mail clients may POST directly as RFC 8058 says), and the
 * count badge.
 */
@Path("/")
public class NewsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String id, String mac, String letterTitle, boolean done);
    }

    private final Notifications notifications;
    private final SignableLetters letters;
    private final Signatories signatories;
    private final SigningGuard guard;
    private final Csrf csrf;

    NewsPages(
            Notifications notifications,
            SignableLetters letters,
            Signatories signatories,
            SigningGuard guard,
            Csrf csrf) {
        this.notifications = notifications;
        this.letters = letters;
        this.signatories = signatories;
        this.guard = guard;
        this.csrf = csrf;
    }

    @GET
    @Path("unsubscribe/{id}/{mac}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") String id, @PathParam("mac") String mac) {
        String title = notifications.unsubscribe(id, mac, false).orElseThrow(NewsPages::unknown);
        return Templates.unsubscribe(id, mac, title, false);
    }

    @POST
    @Path("unsubscribe/{id}/{mac}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance unsubscribe(
            @PathParam("id") String id,
            @PathParam("mac") String mac,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("List-Unsubscribe") String oneClick,
            @Context HttpServerRequest http) {
        if (!"One-Click".equals(oneClick)) {
            // a mail client's RFC 8058 one-click POST has no cookie: the link's own code is what authorises it
            csrf.verify(token);
        }
        guard.limitJunk(http, notifications.genuine(id, mac));
        String title = notifications.unsubscribe(id, mac, true).orElseThrow(NewsPages::unknown);
        return Templates.unsubscribe(id, mac, title, true);
    }

    /** A badge with the letter's verified count, for embedding anywhere (it is the same number as the count API). */
    @GET
    @Path("letters/{slug}/badge.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "An SVG badge with the letter's verified count")
    public Response badge(@PathParam("slug") String slug) {
        SigningTarget letter = letters.letter(slug);
        long total = signatories.count(letter).total();
        return Response.ok(
                        Badge.svg("verified signatures", String.format(Locale.ROOT, "%,d", total)),
                        "image/svg+xml; charset=utf-8")
                .header("Cache-Control", "public, max-age=60")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    private static LocalProblem unknown() {
        return new LocalProblem(404, ErrorMessages::unsubscribeInvalid);
    }
}
