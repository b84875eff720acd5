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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.OrcidConfig;
import org.undersigned.web.Csrf;
import org.undersigned.web.LocalProblem;

/**
 * "I did not sign this": anyone may report a listed signature; the report counts once it is proven, by a link
 * mailed to the address behind the signature, or by signing in with ORCID (docs/ARCHITECTURE.md#signing).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DisownPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(SigningTarget letter, Signatories.Status signature, boolean orcid);

        static native TemplateInstance outcome(SigningTarget letter, String outcome);

        static native TemplateInstance confirm(SigningTarget letter, Signatories.Status signature, String orcid);
    }

    @Inject
    @IdToken
    JsonWebToken idToken;

    private final SignableLetters letters;
    private final MailedLinks links;
    private final OrcidSigning orcid;
    private final Signatories signatories;
    private final SigningGuard guard;
    private final Csrf csrf;
    private final boolean orcidEnabled;

    DisownPages(
            SignableLetters letters,
            MailedLinks links,
            OrcidSigning orcid,
            Signatories signatories,
            SigningGuard guard,
            Csrf csrf,
            OrcidConfig orcidConfig) {
        this.letters = letters;
        this.links = links;
        this.orcid = orcid;
        this.signatories = signatories;
        this.guard = guard;
        this.csrf = csrf;
        this.orcidEnabled = orcidConfig.enabled();
    }

    @GET
    @Path("letters/{slug}/disown/{id}")
    @Operation(hidden = true)
    public TemplateInstance report(@PathParam("slug") String slug, @PathParam("id") String id) {
        SigningTarget letter = letters.letter(slug);
        return Templates.report(letter, listed(letter, id), orcidEnabled);
    }

    @POST
    @Path("letters/{slug}/disown/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance byEmail(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @FormParam("email") String email,
            @FormParam(Csrf.FIELD) String token,
            @Context HttpServerRequest http) {
        csrf.verify(token);
        guard.limitLinkRequests(http);
        if (email != null && !email.isBlank()) {
            guard.limitEmail(email);
        }
        SigningTarget letter = letters.letter(slug);
        listed(letter, id);
        links.requestDisown(slug, id, email);
        return Templates.outcome(letter, "mailed");
    }

    @GET
    @Path("disown/{token}")
    @Operation(hidden = true)
    public TemplateInstance linkPage(@PathParam("token") String token) {
        return SignaturePages.Templates.link("disown", token, links.inspect(token, SignatureToken.Purpose.WITHDRAW));
    }

    @POST
    @Path("disown/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response disown(
            @PathParam("token") String token,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        guard.limitLink(http, token, SignatureToken.Purpose.WITHDRAW);
        return SignaturePages.outcome("disown", token, links.disown(token), false);
    }

    @GET
    @Path("orcid/disown/{slug}/{id}")
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance byOrcidPage(@PathParam("slug") String slug, @PathParam("id") String id) {
        SigningTarget letter = letters.letter(slug);
        return Templates.confirm(letter, listed(letter, id), idToken.getSubject());
    }

    @POST
    @Path("orcid/disown/{slug}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    @Operation(hidden = true)
    public Response byOrcid(
            @PathParam("slug") String slug, @PathParam("id") String id, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        SigningTarget letter = letters.letter(slug);
        listed(letter, id);
        OrcidSigning.DisownOutcome outcome =
                orcid.disown(slug, id, OrcidSigningPages.orcidId(idToken), OrcidSigningPages.nameOf(idToken));
        return switch (outcome) {
            case DISOWNED -> Response.ok(Templates.outcome(letter, "disowned")).build();
            case DISPUTED ->
                Response.accepted(Templates.outcome(letter, "disputed")).build();
            case NOT_PROVEN ->
                Response.status(403)
                        .entity(Templates.outcome(letter, "not-proven"))
                        .build();
        };
    }

    private Signatories.Status listed(SigningTarget letter, String id) {
        return signatories
                .status(id)
                .filter(s -> letter.slug().equals(s.letter()) && s.name() != null)
                .orElseThrow(() -> new LocalProblem(404, m -> m.noSignature(letter.title(), id)));
    }
}
