package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.web.Csrf;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.LocalProblem;

/**
 * The console's audit trail (admins: every action; organisers: their letters' actions) and, for admins, the tokens in
 * force: mint, list, revoke. Forms without JavaScript, CSRF-protected (docs/ARCHITECTURE.md, "Organisers").
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final int PAGE = 100;

    /** The audit filter as typed, kept so the form shows it again. */
    public record AuditQuery(String actor, String action, String letter, String from, String to) {}

    /** The mint form as typed. */
    public record MintForm(String subject, String role, String letters, String lifetime) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(
                AuditQuery query, List<Audit.Event> events, Long older, List<String> letters, boolean admin);

        static native TemplateInstance tokens(
                List<TokenMinting.Listed> tokens, MintForm form, Map<String, String> errors, String revoked);

        static native TemplateInstance minted(OrganiserTokens.Minted minted, String subject);
    }

    private final OrganiserAccess access;
    private final Audit audit;
    private final TokenMinting minting;
    private final Revocations revocations;
    private final Csrf csrf;

    AdminPages(OrganiserAccess access, Audit audit, TokenMinting minting, Revocations revocations, Csrf csrf) {
        this.access = access;
        this.audit = audit;
        this.minting = minting;
        this.revocations = revocations;
        this.csrf = csrf;
    }

    @GET
    @Path("organisers/audit")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Operation(hidden = true)
    public Response audit(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("letter") String letter,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("before") Long before) {
        boolean admin = access.admin();
        List<String> mine = admin ? List.of() : access.letters();
        String only = blank(letter) ? null : letter.strip();
        if (!admin) {
            // an organiser sees the actions on their own letters, one letter at a time
            only = only == null && !mine.isEmpty() ? mine.get(0) : only;
            if (only == null) {
                throw new LocalProblem(404, ErrorMessages::organiseNothing);
            }
            access.forLetter(only);
        }
        AuditQuery query = new AuditQuery(actor, action, only, from, to);
        OffsetDateTime fromTime = time(from);
        OffsetDateTime toTime = time(to);
        List<Audit.Event> events = audit.find(
                new Audit.Filter(
                        blank(actor) ? null : actor.strip(),
                        blank(action) ? null : action.strip(),
                        only,
                        fromTime,
                        toTime),
                before,
                PAGE);
        Long older = events.size() == PAGE ? events.get(events.size() - 1).id() : null;
        return Response.ok(Templates.audit(query, events, older, mine, admin)).build();
    }

    @GET
    @Path("organisers/tokens")
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance tokens(@QueryParam("revoked") String revoked) {
        return Templates.tokens(
                minting.unexpired(PAGE), new MintForm("", OrganiserTokens.ORGANISER, "", ""), Map.of(), revoked);
    }

    @POST
    @Path("organisers/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Operation(hidden = true)
    public Response mint(
            @FormParam("subject") String subject,
            @FormParam("role") String role,
            @FormParam("letters") String letters,
            @FormParam("lifetime") String lifetime,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.actor();
        List<String> slugs = blank(letters)
                ? List.of()
                : Arrays.stream(letters.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        try {
            OrganiserTokens.Minted minted =
                    QuarkusTransaction.requiringNew().call(() -> minting.mint(actor, subject, role, slugs, lifetime));
            // the token is shown once, never stored: the page must not be cached anywhere
            return Response.ok(Templates.minted(minted, subject))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.tokens(
                            minting.unexpired(PAGE),
                            new MintForm(subject, role, letters, lifetime),
                            new LinkedHashMap<>(e.errors()),
                            null))
                    .build();
        }
    }

    @POST
    @Path("organisers/tokens/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Transactional
    @Operation(hidden = true)
    public Response revoke(@PathParam("tokenId") String tokenId, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.actor();
        String subject = tokenId.matches("[A-Za-z0-9-]{1,64}") ? minting.subjectOf(tokenId) : null;
        if (subject == null) {
            throw new LocalProblem(404, m -> m.noToken(tokenId));
        }
        revocations.revoke(subject, tokenId, actor);
        audit.record(actor, "revoke-token", null, subject, "token " + tokenId);
        return Response.seeOther(
                        URI.create("/organisers/tokens?revoked=" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8)))
                .build();
    }

    private static OffsetDateTime time(String value) {
        try {
            return ConsoleWords.utcField(value).orElse(null);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Map.of("from", "Give a date and time such as 2026-04-04T14:00."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
