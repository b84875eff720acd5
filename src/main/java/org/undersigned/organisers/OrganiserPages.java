package org.undersigned.organisers;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.mail.Outbox;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.signatures.UndeliveredConfirmations;
import org.undersigned.web.Csrf;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;

/**
 * Organiser sign-in (ORCID, then an organiser token in an HttpOnly cookie) and the moderation page. The page's forms
 * carry the CSRF token; the cookie is SameSite=Lax so the sign-in's redirect back from ORCID carries it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OrganiserPages {

    static final String COOKIE = "organiser";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisers(String actor, boolean admin, List<Queue> queues);
    }

    /** One letter's moderation queue. */
    public record Queue(
            String slug,
            List<SignatureDecisions.Held> held,
            List<SignatureDecisions.OpenDispute> disputes,
            Outbox.Undelivered undelivered) {}

    @Inject
    @IdToken
    JsonWebToken idToken;

    private final SignIns signIns;
    private final LetterService letters;
    private final Moderation moderation;
    private final OrganiserAccess access;
    private final Audit audit;
    private final Revocations revocations;
    private final UndeliveredConfirmations undelivered;
    private final Csrf csrf;
    private final List<String> admins;

    OrganiserPages(
            SignIns signIns,
            LetterService letters,
            Moderation moderation,
            OrganiserAccess access,
            Audit audit,
            Revocations revocations,
            UndeliveredConfirmations undelivered,
            Csrf csrf,
            OrganisersConfig.Admins admins) {
        this.signIns = signIns;
        this.letters = letters;
        this.moderation = moderation;
        this.access = access;
        this.audit = audit;
        this.revocations = revocations;
        this.undelivered = undelivered;
        this.csrf = csrf;
        this.admins = admins.iDs().orElse(List.of());
    }

    /** After ORCID sign-in: an organiser token for the letters that list this iD, or admin for listed admins. */
    @GET
    @Path("orcid/organiser")
    @Authenticated
    @Transactional
    @Operation(hidden = true)
    public Response signIn() {
        String iD = idToken.getSubject();
        boolean admin = admins.contains(iD);
        List<String> organised = letters.organisedBy(iD);
        if (!admin && organised.isEmpty()) {
            throw new LocalProblem(403, m -> m.notOrganiser(iD));
        }
        NewCookie cookie = signIns.signIn(iD, admin, organised, null);
        return Response.seeOther(URI.create("/organisers")).cookie(cookie).build();
    }

    @GET
    @Path("organisers")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance page() {
        String actor = access.actor();
        List<String> slugs =
                access.admin() ? letters.list().stream().map(l -> l.slug()).toList() : access.letters();
        return Templates.organisers(
                actor,
                access.admin(),
                slugs.stream()
                        .map(slug -> new Queue(
                                slug,
                                moderation.queue(slug, 200),
                                moderation.disputes(slug, 200),
                                undelivered.of(slug)))
                        .toList());
    }

    @POST
    @Path("organisers/letters/{slug}/moderation/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(hidden = true)
    public Response decide(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @PathParam("decision") String decision,
            @FormParam("reason") String reason,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        switch (decision) {
            case "release" -> moderation.release(slug, id);
            case "reject" -> moderation.reject(slug, id, reason);
            default -> throw new LocalProblem(404, ErrorMessages::decideReleaseOrReject);
        }
        audit.record(actor, decision, slug, id, reason);
        return Response.seeOther(URI.create("/organisers")).build();
    }

    /** The cookie goes, and its token stops working everywhere, even where a copy of it was kept. */
    @POST
    @Path("organisers/letters/{slug}/disputes/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(hidden = true)
    public Response decideDispute(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @PathParam("decision") String decision,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        String signature = moderation.decideDispute(slug, id, decision, actor);
        audit.record(actor, "dispute-" + decision, slug, signature, "dispute " + id);
        return Response.seeOther(URI.create("/organisers")).build();
    }

    @POST
    @Path("organisers/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(hidden = true)
    public Response signOut(@FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        access.signedIn().filter(jwt -> jwt.getTokenID() != null).ifPresent(jwt -> {
            revocations.revoke(jwt, jwt.getSubject());
            audit.record(jwt.getSubject(), "sign-out", null, jwt.getTokenID(), null);
        });
        NewCookie gone = signIns.gone();
        return Response.seeOther(URI.create("/")).cookie(gone).build();
    }
}
