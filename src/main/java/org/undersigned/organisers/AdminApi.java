package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.signatures.CountAudit;
import org.undersigned.web.AppSecrets;
import org.undersigned.web.InvalidInput;

/** Admin actions (docs/ARCHITECTURE.md#organisers): the audit trail, tokens, the secrets export; audited. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisers")
@SecurityRequirement(name = "organiser")
public class AdminApi {

    /** An admin's request for a token, e.g. for automation. */
    public record TokenRequest(String subject, String role, List<String> letters, String lifetime) {}

    /** An admin's revocation: the token {@code tokenId} of {@code subject}, or without it all of the subject's. */
    public record Revocation(String subject, String tokenId) {}

    /** What was revoked: one token, or every token of the subject issued up to {@code issuedUntil}. */
    public record Revoked(String subject, String tokenId, Instant issuedUntil) {}

    private static final String SUBJECT = TokenMinting.SUBJECT;

    private final OrganiserAccess access;
    private final Audit audit;
    private final TokenMinting minting;
    private final Revocations revocations;
    private final AppSecrets secrets;
    private final CountAudit countAudit;

    AdminApi(
            OrganiserAccess access,
            Audit audit,
            TokenMinting minting,
            Revocations revocations,
            AppSecrets secrets,
            CountAudit countAudit) {
        this.access = access;
        this.audit = audit;
        this.minting = minting;
        this.revocations = revocations;
        this.secrets = secrets;
        this.countAudit = countAudit;
    }

    @POST
    @Path("/admin/letters/{slug}/count-audit")
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Operation(
            summary = "Replay the letter's whole log by the count rule and compare with the stored counts (total, by "
                    + "level, identity and version; organisations are not in the log); a difference is corrected "
                    + "from the log and raises the count alarm")
    public CountAudit.Result replayCounts(@PathParam("slug") String slug) {
        String actor = access.actor();
        CountAudit.Result result = countAudit.replayAll(slug);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(
                        actor,
                        "count-audit",
                        slug,
                        null,
                        "full replay at tree size " + result.size()
                                + (result.matched()
                                        ? ": matched"
                                        : ": corrected " + result.differences().keySet())));
        return result;
    }

    @POST
    @Path("/admin/secrets/export")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Operation(
            summary = "Once per database: the keys and pepper that were generated into the database, as environment "
                    + "lines for a Secret (410 after the first time); audited, without the values")
    public String exportSecrets() {
        String actor = access.actor();
        String lines = secrets.exportOnce()
                .orElseThrow(() -> new WebApplicationException(
                        "The secrets were exported once already; a second copy is not given out.", 410));
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(actor, "export-secrets", null, null, "the stored keys and pepper"));
        return lines;
    }

    @GET
    @Path("/admin/audit")
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Operation(summary = "The audit trail of organiser and admin actions, newest first (before = an event id)")
    public List<Audit.Event> auditTrail(
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.page(before, limit);
    }

    @POST
    @Path("/admin/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Transactional
    @Operation(summary = "Mint an organiser or admin token, e.g. for automation")
    public OrganiserTokens.Minted mint(TokenRequest body) {
        String actor = access.actor();
        if (body == null) {
            throw new InvalidInput(Map.of("subject", "Name who the token is for: 1 to 100 of A-Z, a-z, 0-9, ':._@-'."));
        }
        return minting.mint(actor, body.subject(), body.role(), body.letters(), body.lifetime());
    }

    @POST
    @Path("/admin/revocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrganiserTokens.ADMIN)
    @Transactional
    @Operation(
            summary = "Revoke organiser or admin tokens at once on every replica: one by its tokenId, or without "
                    + "tokenId every token of the subject issued so far (a later sign-in works again)")
    public Revoked revoke(Revocation body) {
        String actor = access.actor();
        if (body == null || body.subject() == null || !body.subject().matches(SUBJECT)) {
            throw new InvalidInput(Map.of("subject", "Name whose tokens to revoke: an ORCID iD or a minted subject."));
        }
        if (body.tokenId() != null && !body.tokenId().matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidInput(Map.of("tokenId", "Give the tokenId that minting the token answered, or none."));
        }
        if (body.tokenId() != null) {
            revocations.revoke(body.subject(), body.tokenId(), actor);
            audit.record(actor, "revoke-token", null, body.subject(), "token " + body.tokenId());
            return new Revoked(body.subject(), body.tokenId(), null);
        }
        Instant until = revocations.revokeAll(body.subject(), actor);
        audit.record(actor, "revoke-tokens", null, body.subject(), "every token issued until " + until);
        return new Revoked(body.subject(), null, until);
    }
}
