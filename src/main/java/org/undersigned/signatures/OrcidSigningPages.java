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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.OrcidEmployments;
import org.undersigned.verification.OrcidEmployments.Employment;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.Csrf;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.LocalProblem;

/**
 * "Sign with ORCID": everything under /orcid/ runs the OpenID Connect code flow of the "orcid" tenant (PKCE, state,
 * nonce) before it is served; the iD is the ID token's subject.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OrcidSigningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sign(
                SigningTarget letter,
                String orcid,
                String orcidName,
                List<Employment> employments,
                OrcidSigning.Choice form,
                Map<String, String> errors);

        static native TemplateInstance signed(
                SigningTarget letter,
                OrcidSigning.Existing existing,
                boolean justNow,
                boolean held,
                Map<String, String> errors);

        static native TemplateInstance joinMailed(SigningTarget letter, String email);

        static native TemplateInstance withdrawn(SigningTarget letter, boolean withdrawn, boolean erased);
    }

    static final OrcidSigning.Choice EMPTY =
            new OrcidSigning.Choice(null, null, null, null, "public", null, false, null);

    @Inject
    @IdToken
    JsonWebToken idToken;

    private final OrcidSigning orcid;
    private final SignableLetters letters;
    private final Csrf csrf;
    private final ClientNetwork network;
    private final SigningGuard guard;

    OrcidSigningPages(
            OrcidSigning orcid, SignableLetters letters, Csrf csrf, ClientNetwork network, SigningGuard guard) {
        this.network = network;
        this.guard = guard;
        this.orcid = orcid;
        this.letters = letters;
        this.csrf = csrf;
    }

    @GET
    @Path("orcid/sign/{slug}")
    @Operation(hidden = true)
    public TemplateInstance form(@PathParam("slug") String slug) {
        SigningTarget letter = letters.openLetter(slug);
        String iD = orcidId();
        return orcid.existing(slug, iD)
                .map(e -> Templates.signed(letter, e, false, false, Map.of()))
                .orElseGet(() -> Templates.sign(letter, iD, orcidName(), orcid.employments(iD), EMPTY, Map.of()));
    }

    @POST
    @Path("orcid/sign/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sign(
            @PathParam("slug") String slug,
            @FormParam("name") String name,
            @FormParam("employment") String employment,
            @FormParam("organisation") String organisation,
            @FormParam("role") String role,
            @FormParam("listing") String listing,
            @FormParam("comment") String comment,
            @FormParam("notify") String notify,
            @FormParam("email") String email,
            @FormParam(Csrf.FIELD) String token,
            @Context HttpServerRequest http) {
        csrf.verify(token);
        SigningTarget letter = letters.openLetter(slug);
        String iD = orcidId();
        Integer chosen = employment != null && employment.matches("[0-9]{1,3}") ? Integer.valueOf(employment) : null;
        OrcidSigning.Choice choice =
                new OrcidSigning.Choice(name, chosen, organisation, role, listing, comment, notify != null, email);
        List<Employment> current = orcid.employments(iD);
        if (email != null && !email.isBlank()) {
            // a mail goes to the address typed (a receipt, or a link to attach the iD): limited per mailbox, as the
            // email form is, so a signed-in person cannot flood someone else's inbox
            guard.limitEmail(email);
        }
        try {
            Receipt receipt = orcid.sign(slug, iD, orcidName(), choice, current, network.of(http));
            OrcidSigning.Existing signed = orcid.existing(slug, iD).orElseThrow();
            return Response.ok(Templates.signed(letter, signed, true, "held".equals(receipt.status()), Map.of()))
                    .build();
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.sign(letter, iD, orcidName(), current, choice, InvalidForm.shown(e)))
                    .build();
        }
    }

    /** "Signed by email as well?": mails that address a link joining the two, if it signed; the answer is the same. */
    @POST
    @Path("orcid/attach/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response offerJoin(
            @PathParam("slug") String slug, @FormParam("email") String email, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        SigningTarget letter = letters.letter(slug);
        String iD = orcidId();
        OrcidSigning.Existing signed =
                orcid.existing(slug, iD).orElseThrow(() -> new LocalProblem(409, ErrorMessages::orcidNotSigned));
        try {
            if (email != null && !email.isBlank()) {
                guard.limitEmail(email);
            }
            orcid.offerJoin(slug, iD, email);
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.signed(letter, signed, false, false, InvalidForm.shown(e)))
                    .build();
        }
        return Response.ok(Templates.joinMailed(letter, email.strip())).build();
    }

    @POST
    @Path("orcid/withdraw/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance withdraw(
            @PathParam("slug") String slug, @FormParam(Csrf.FIELD) String token, @FormParam("erase") String erase) {
        csrf.verify(token);
        boolean withdrawn = orcid.withdraw(slug, orcidId(), erase != null);
        return Templates.withdrawn(letters.letter(slug), withdrawn, withdrawn && erase != null);
    }

    private String orcidId() {
        return orcidId(idToken);
    }

    /** The iD the sign-in proved; 403 when the ID token's subject is not one. */
    static String orcidId(JsonWebToken idToken) {
        String sub = idToken.getSubject();
        if (sub == null || !OrcidEmployments.ORCID_ID.matcher(sub).matches()) {
            throw new LocalProblem(403, ErrorMessages::noOrcidId);
        }
        return sub;
    }

    private String orcidName() {
        return nameOf(idToken);
    }

    /** The public name on the ORCID record, when the ID token carries one. */
    static String nameOf(JsonWebToken idToken) {
        String name = idToken.getClaim("name");
        if (name == null || name.isBlank()) {
            String given = idToken.getClaim("given_name");
            String family = idToken.getClaim("family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        return name.isBlank() ? null : name;
    }
}
