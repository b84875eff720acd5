package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.EmailAddress;
import org.undersigned.web.Csrf;

/**
 * "No confirmation mail?" on the letter page: a signer whose link never came (a full mailbox, a mail given up after
 * the last retry) asks for a new one with the address alone. The answer is the same whether or not that address
 * signed, so the form reveals nobody.
 */
@Path("/letters/{slug}/resend")
@Produces(MediaType.TEXT_HTML)
public class ResendPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requested(SigningTarget letter, String email, String problem);
    }

    private final SignableLetters letters;
    private final MailedLinks links;
    private final SigningGuard guard;
    private final Csrf csrf;

    ResendPages(SignableLetters letters, MailedLinks links, SigningGuard guard, Csrf csrf) {
        this.letters = letters;
        this.links = links;
        this.guard = guard;
        this.csrf = csrf;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response request(
            @PathParam("slug") String slug,
            @FormParam("email") String email,
            @FormParam(Csrf.FIELD) String token,
            @Context HttpServerRequest http) {
        csrf.verify(token);
        SigningTarget letter = letters.letter(slug);
        guard.limitLinkRequests(http);
        EmailAddress.Reading reading = EmailAddress.read(email);
        if (reading instanceof EmailAddress.Invalid invalid) {
            return Response.status(400)
                    .entity(Templates.requested(letter, email, InvalidForm.shown(FieldProblem.of(invalid.flaw()))))
                    .build();
        }
        EmailAddress address = ((EmailAddress.Valid) reading).address();
        guard.limitEmail(address.value());
        links.requestConfirmation(letter, address);
        return Response.ok(Templates.requested(letter, address.value(), null)).build();
    }
}
