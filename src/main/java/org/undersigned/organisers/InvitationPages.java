package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/**
 * Admins invite organisers and admins (a one-time link to create a passkey, shown once), see the open invitations and
 * the accounts with passkeys, cancel an invitation, remove an account. Forms without JavaScript, CSRF-protected.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(OrganiserTokens.ADMIN)
public class InvitationPages {

    /** The invitation form as typed. */
    public record InviteForm(String subject, String role, String letters, String lifetime) {}

    static final InviteForm EMPTY = new InviteForm("", OrganiserTokens.ORGANISER, "", "");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(
                List<InvitationRepository.Invitation> pending,
                List<Invitations.Listed> accounts,
                InviteForm form,
                Map<String, String> errors,
                String notice);

        static native TemplateInstance invited(Invitations.Issued issued);
    }

    private final Invitations invitations;
    private final OrganiserAccess access;
    private final Csrf csrf;

    InvitationPages(Invitations invitations, OrganiserAccess access, Csrf csrf) {
        this.invitations = invitations;
        this.access = access;
        this.csrf = csrf;
    }

    @GET
    @Path("organisers/invitations")
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("done") String done) {
        String notice = done == null
                ? null
                : switch (done) {
                    case "cancelled", "removed" -> done;
                    default -> null;
                };
        return page(EMPTY, Map.of(), notice);
    }

    private TemplateInstance page(InviteForm form, Map<String, String> errors, String notice) {
        return Templates.invitations(invitations.pending(), invitations.accounts(), form, errors, notice);
    }

    @POST
    @Path("organisers/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response invite(
            @FormParam("subject") String subject,
            @FormParam("role") String role,
            @FormParam("letters") String letters,
            @FormParam("lifetime") String lifetime,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.actor();
        List<String> slugs = letters == null
                ? List.of()
                : Arrays.stream(letters.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String r = role == null ? OrganiserTokens.ORGANISER : role;
        try {
            Invitations.Issued issued = QuarkusTransaction.requiringNew()
                    .call(() -> invitations.invite(actor, subject, r, slugs, lifetime));
            // the link is shown once and never stored: the page must not be cached anywhere
            return Response.ok(Templates.invited(issued))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(page(new InviteForm(subject, r, letters, lifetime), new LinkedHashMap<>(e.errors()), null))
                    .build();
        }
    }

    @POST
    @Path("organisers/invitations/{hash}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@PathParam("hash") String hash, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.actor();
        QuarkusTransaction.requiringNew().run(() -> invitations.cancel(actor, hash));
        return Response.seeOther(URI.create("/organisers/invitations?done=cancelled"))
                .build();
    }

    @POST
    @Path("organisers/accounts/{subject}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("subject") String subject, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.actor();
        QuarkusTransaction.requiringNew().run(() -> invitations.remove(actor, subject));
        return Response.seeOther(URI.create("/organisers/invitations?done=removed"))
                .build();
    }
}
