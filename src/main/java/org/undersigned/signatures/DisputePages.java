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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/** The signer's answer to a dispute, through the link mailed to them: GET shows the claim, POST answers once. */
@Path("/answer/{token}")
@Produces(MediaType.TEXT_HTML)
public class DisputePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answer(
                String token, Disputes.AnswerView view, String text, Map<String, String> errors, boolean answered);
    }

    private final Disputes disputes;
    private final SigningGuard guard;
    private final Csrf csrf;

    DisputePages(Disputes disputes, SigningGuard guard, Csrf csrf) {
        this.disputes = disputes;
        this.guard = guard;
        this.csrf = csrf;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("token") String token) {
        Disputes.AnswerView view = disputes.inspect(token);
        return Response.status(statusOf(view))
                .entity(Templates.answer(token, view, "", Map.of(), false))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response answer(
            @PathParam("token") String token,
            @FormParam("answer") String text,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        guard.limitLink(http, token, SignatureToken.Purpose.ANSWER);
        try {
            Disputes.AnswerView view = disputes.answer(token, text);
            return Response.status(statusOf(view))
                    .entity(Templates.answer(token, view, "", Map.of(), view.valid()))
                    .build();
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.answer(token, disputes.inspect(token), text, InvalidForm.shown(e), false))
                    .build();
        }
    }

    private static int statusOf(Disputes.AnswerView view) {
        return switch (view.state()) {
            case VALID -> 200;
            case EXPIRED, USED -> 410;
            case UNKNOWN -> 404;
        };
    }
}
