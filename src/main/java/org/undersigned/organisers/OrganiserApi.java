package org.undersigned.organisers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;
import org.undersigned.web.InvalidInput;

/**
 * Organiser and admin actions (docs/ARCHITECTURE.md#organisers), with a bearer token or the organiser cookie. Each
 * action and its audit record commit together.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisers")
@SecurityRequirement(name = "organiser")
public class OrganiserApi {

    public record Rejection(String reason) {}

    /** {@code kind}: "honour" (with honour and year) or "affiliation" (with organisation). */
    public record Attestation(String kind, String honour, Integer year, String organisation) {}

    /** An admin's request for a token, e.g. for automation. */
    public record TokenRequest(String subject, String role, List<String> letters, String lifetime) {}

    /** An admin's revocation: the token {@code tokenId} of {@code subject}, or without it all of the subject's. */
    public record Revocation(String subject, String tokenId) {}

    /** What was revoked: one token, or every token of the subject issued up to {@code issuedUntil}. */
    public record Revoked(String subject, String tokenId, Instant issuedUntil) {}

    /** The longest lifetime of a minted token. */
    static final Duration LONGEST = Duration.ofDays(90);

    private static final String SUBJECT = "[A-Za-z0-9:._@-]{1,100}";

    private final Moderation moderation;
    private final OrganiserAccess access;
    private final Audit audit;
    private final OrganiserTokens tokens;
    private final ThreadService threads;
    private final Revocations revocations;

    OrganiserApi(
            Moderation moderation,
            OrganiserAccess access,
            Audit audit,
            OrganiserTokens tokens,
            ThreadService threads,
            Revocations revocations) {
        this.threads = threads;
        this.revocations = revocations;
        this.moderation = moderation;
        this.access = access;
        this.audit = audit;
        this.tokens = tokens;
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
            String domain, OffsetDateTime from, OffsetDateTime to, String network, String reason, Boolean dryRun) {}

    @POST
    @Path("/letters/{slug}/invalidations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(
            summary = "Invalidate counted signatures in bulk (email domain, confirmation window, client network) "
                    + "with a reason code that goes into the log; dryRun only counts")
    public Moderation.Bulk invalidate(@PathParam("slug") String slug, BulkInvalidation body) {
        String actor = access.forLetter(slug);
        if (body == null) {
            throw new InvalidInput(Map.of("body", "Send {domain?, from?, to?, network?, reason, dryRun?}."));
        }
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        Moderation.Bulk result = moderation.invalidate(
                slug,
                new SignatureDecisions.Filter(body.domain(), body.from(), body.to(), body.network()),
                body.reason(),
                dryRun);
        if (!dryRun) {
            // the network is recorded only as given by the organiser, for the audit trail
            audit.record(
                    actor,
                    "invalidate",
                    slug,
                    null,
                    body.reason() + ": " + result.invalidated()
                            + " signatures (domain " + body.domain() + ", from " + body.from() + ", to " + body.to()
                            + ", network " + body.network() + ")");
        }
        return result;
    }

    @POST
    @Path("/letters/{slug}/thread")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Publish a thread entry (a response, a rebuttal...); stored and shown like file-based ones")
    public Response publish(@PathParam("slug") String slug, ThreadEntry entry) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.publish(slug, entryOrProblem(entry), actor);
        audit.record(actor, "thread-publish", slug, view.id(), view.title());
        return Response.status(201).entity(view).build();
    }

    @PUT
    @Path("/letters/{slug}/thread/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Correct a thread entry: a new revision, the earlier ones kept")
    public ThreadService.View correct(@PathParam("slug") String slug, @PathParam("id") String id, ThreadEntry entry) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.correct(slug, id, entryOrProblem(entry), actor);
        audit.record(
                actor,
                "thread-correct",
                slug,
                id,
                "revision " + view.revisions().size());
        return view;
    }

    @POST
    @Path("/letters/{slug}/thread/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
    @Transactional
    @Operation(summary = "Retract a thread entry: it stays visible, marked retracted with the reason")
    public ThreadService.View retract(@PathParam("slug") String slug, @PathParam("id") String id, Rejection body) {
        String actor = access.forLetter(slug);
        ThreadService.View view = threads.retract(slug, id, body == null ? null : body.reason(), actor);
        audit.record(actor, "thread-retract", slug, id, body == null ? null : body.reason());
        return view;
    }

    private static ThreadEntry entryOrProblem(ThreadEntry entry) {
        if (entry == null) {
            throw new InvalidInput(Map.of("body", "Send the entry as JSON: id, kind, title, date, body and the rest."));
        }
        return new ThreadEntry(
                entry.id(),
                entry.kind(),
                entry.title(),
                entry.organisation(),
                entry.author(),
                entry.date(),
                entry.url(),
                entry.archived(),
                entry.respondsTo(),
                entry.claims() == null ? List.of() : entry.claims(),
                entry.points() == null ? List.of() : entry.points(),
                entry.body() == null ? "" : entry.body());
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
        if (body == null || body.subject() == null || !body.subject().matches(SUBJECT)) {
            throw new InvalidInput(Map.of("subject", "Name who the token is for: 1 to 100 of A-Z, a-z, 0-9, ':._@-'."));
        }
        String role = body.role() == null ? OrganiserTokens.ORGANISER : body.role();
        if (!List.of(OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN).contains(role)) {
            throw new InvalidInput(Map.of("role", "The role is \"organiser\" or \"admin\"."));
        }
        Duration lifetime;
        try {
            lifetime = body.lifetime() == null ? tokens.lifetime() : Duration.parse(body.lifetime());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Map.of("lifetime", "Give an ISO-8601 duration such as PT8H or P30D."));
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST) > 0) {
            throw new InvalidInput(Map.of("lifetime", "A token lives between a second and 90 days."));
        }
        OrganiserTokens.Minted minted = tokens.mint(body.subject(), role, body.letters(), lifetime);
        audit.record(
                actor,
                "mint-token",
                null,
                body.subject(),
                role + " " + body.letters() + " until " + minted.expiresAt() + ", token " + minted.tokenId());
        return minted;
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
