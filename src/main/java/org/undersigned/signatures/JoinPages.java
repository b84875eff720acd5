package org.undersigned.signatures;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
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
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.web.Csrf;

/**
 * One person across identities, from the email side (docs/ARCHITECTURE.md#signing): a confirmation link followed
 * after a sign-in with ORCID joins the email sign-up to that iD instead of confirming a second signature. Under
 * /orcid/, so the ORCID sign-in runs first.
 */
@Path("/orcid/join/{token}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class JoinPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(
                String token, LinkView view, String orcid, Optional<OrcidSigning.Existing> existing);

        static native TemplateInstance joined(LinkView view, Optional<OrcidSigning.Existing> signature);
    }

    @Inject
    @IdToken
    JsonWebToken idToken;

    private final MailedLinks links;
    private final OrcidSigning orcid;
    private final SigningGuard guard;
    private final Csrf csrf;

    JoinPages(MailedLinks links, OrcidSigning orcid, SigningGuard guard, Csrf csrf) {
        this.links = links;
        this.orcid = orcid;
        this.guard = guard;
        this.csrf = csrf;
    }

    /** What joining will do, before it does it; a link that cannot be used shows the confirmation link's page. */
    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("token") String token) {
        LinkView view = links.inspect(token, SignatureToken.Purpose.CONFIRM);
        if (!view.valid()) {
            return SignaturePages.outcome("confirm", token, view, false);
        }
        String iD = OrcidSigningPages.orcidId(idToken);
        return Response.ok(Templates.join(token, view, iD, orcid.existing(view.letterSlug(), iD)))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response join(
            @PathParam("token") String token,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        guard.limitLink(http, token, SignatureToken.Purpose.CONFIRM);
        String iD = OrcidSigningPages.orcidId(idToken);
        LinkView view = links.join(token, iD);
        if (!view.valid()) {
            return SignaturePages.outcome("confirm", token, view, false);
        }
        return Response.ok(Templates.joined(view, orcid.existing(view.letterSlug(), iD)))
                .build();
    }
}
