package org.undersigned.organisers;

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
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.web.InvalidInput;

/**
 * Organisers' decisions on signatures (docs/ARCHITECTURE.md#organisers): moderation, disputes, attestations and bulk
 * invalidation, with a bearer token or the organiser cookie. Each action and its audit record commit together; thread
 * editing is in {@link ThreadEditingApi}, admin actions in {@link AdminApi}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisers")
@SecurityRequirement(name = "organiser")
public class OrganiserApi {

    public record Rejection(String reason) {}

    /** {@code kind}: "honour" (with honour and year) or "affiliation" (with organisation). */
    public record Attestation(String kind, String honour, Integer year, String organisation) {}

    private final Moderation moderation;
    private final OrganiserAccess access;
    private final Audit audit;

    OrganiserApi(Moderation moderation, OrganiserAccess access, Audit audit) {
        this.moderation = moderation;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/letters/{slug}/moderation")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Operation(summary = "Signatures held by the impersonation guard, oldest first")
    public List<SignatureDecisions.Held> queue(
            @PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("100") int limit) {
        access.forLetter(slug);
        return moderation.queue(slug, limit);
    }

    @POST
    @Path("/letters/{slug}/moderation/{id}/release")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Release a held signature: it is logged, counted and listed")
    public Map<String, String> release(@PathParam("slug") String slug, @PathParam("id") String id) {
        String actor = access.forLetter(slug);
        moderation.release(slug, id);
        audit.record(actor, "release", slug, id, null);
        return Map.of("id", id, "status", "released");
    }

    @POST
    @Path("/letters/{slug}/moderation/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Reject a held signature: an invalidation with the reason code goes into the log")
    public Map<String, String> reject(@PathParam("slug") String slug, @PathParam("id") String id, Rejection body) {
        String actor = access.forLetter(slug);
        String reason = body == null ? null : body.reason();
        moderation.reject(slug, id, reason);
        audit.record(actor, "reject", slug, id, reason);
        return Map.of("id", id, "status", "rejected");
    }

    @GET
    @Path("/letters/{slug}/disputes")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Operation(summary = "Open disputes: a name-only \"I did not sign this\", with the signer's answer, oldest first")
    public List<SignatureDecisions.OpenDispute> disputes(
            @PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("100") int limit) {
        access.forLetter(slug);
        return moderation.disputes(slug, limit);
    }

    @POST
    @Path("/letters/{slug}/disputes/{id}/{decision: uphold|dismiss}")
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Uphold a dispute (the signature ends as disowned, an invalidation in the log) or dismiss it")
    public Map<String, String> decideDispute(
            @PathParam("slug") String slug, @PathParam("id") String id, @PathParam("decision") String decision) {
        String actor = access.forLetter(slug);
        String signature = moderation.decideDispute(slug, id, decision, actor);
        audit.record(actor, "dispute-" + decision, slug, signature, "dispute " + id);
        return Map.of("id", id, "status", "uphold".equals(decision) ? "upheld" : "dismissed");
    }

    @POST
    @Path("/letters/{slug}/signatures/{id}/attestations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Attest an honour or an affiliation of a counted signature (an evidence entry in the log)")
    public Map<String, String> attest(@PathParam("slug") String slug, @PathParam("id") String id, Attestation body) {
        String actor = access.forLetter(slug);
        if (body == null || !("honour".equals(body.kind()) || "affiliation".equals(body.kind()))) {
            throw new InvalidInput(Map.of(
                    "kind",
                    "Give kind \"honour\" (with honour and year) or \"affiliation\" " + "(with organisation)."));
        }
        if ("honour".equals(body.kind())) {
            if (body.honour() == null || body.year() == null) {
                throw new InvalidInput(Map.of("honour", "Give the honour's id and the year it was awarded."));
            }
            moderation.attestHonour(slug, id, body.honour(), body.year(), actor);
            audit.record(actor, "attest-honour", slug, id, body.honour() + " " + body.year());
        } else {
            moderation.attestAffiliation(slug, id, body.organisation(), actor);
            audit.record(actor, "attest-affiliation", slug, id, body.organisation());
        }
        return Map.of("id", id, "status", "attested");
    }

    /** A bulk invalidation: filters (at least one), a reason code, and whether only to count. */
    public record BulkInvalidation(
            String domain,
            OffsetDateTime from,
            OffsetDateTime to,
            String network,
            String networkTag,
            String nameTag,
            String reason,
            Boolean dryRun) {}

    @POST
    @Path("/letters/{slug}/invalidations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(
            summary = "Invalidate counted signatures in bulk (email domain, confirmation window, client network or "
                    + "its tag, name tag as the fraud signals show them) with a reason code that goes into the log; "
                    + "dryRun only counts and gives a sample of names")
    public Moderation.Bulk invalidate(@PathParam("slug") String slug, BulkInvalidation body) {
        String actor = access.forLetter(slug);
        if (body == null) {
            throw new InvalidInput(
                    Map.of("body", "Send {domain?, from?, to?, network?, networkTag?, nameTag?, reason, dryRun?}."));
        }
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        SignatureDecisions.Filter filter = new SignatureDecisions.Filter(
                body.domain(), body.from(), body.to(), body.network(), body.networkTag(), body.nameTag());
        Moderation.Bulk result = moderation.invalidate(slug, filter, body.reason(), dryRun);
        if (!dryRun) {
            // the network is recorded only as given by the organiser, for the audit trail
            audit.record(actor, "invalidate", slug, null, Moderation.describe(body.reason(), result, filter));
        }
        return result;
    }
}
