package org.undersigned.signatures;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.attestations.Attestations;
import org.undersigned.web.InvalidInput;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signatures")
public class SignatureApi {

    /** The body of POST /api/confirmations. */
    public record Confirmation(String token) {}

    private final MailedLinks links;
    private final SignableLetters letters;
    private final Signatories signatories;
    private final SigningGuard guard;
    private final Attestations attestations;

    SignatureApi(
            MailedLinks links,
            SignableLetters letters,
            Signatories signatories,
            SigningGuard guard,
            Attestations attestations) {
        this.attestations = attestations;
        this.links = links;
        this.letters = letters;
        this.signatories = signatories;
        this.guard = guard;
    }

    @POST
    @Path("/letters/{slug}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a letter: the signature counts once the mailed link is confirmed")
    public Response sign(@PathParam("slug") String slug, SignRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw new InvalidInput(Map.of("body", "Send a JSON object with name, email and listing."));
        }
        Receipt receipt = guard.sign(slug, request, http);
        return Response.accepted(receipt).build();
    }

    @POST
    @Path("/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a signature with the token from the mailed link")
    public Map<String, String> confirm(Confirmation body, @Context HttpServerRequest http) {
        String token = body == null ? null : body.token();
        guard.limitLink(http, token, SignatureToken.Purpose.CONFIRM);
        LinkView view = links.confirm(token);
        if (view.valid()) {
            return Map.of("letter", view.letterSlug(), "status", "confirmed");
        }
        throw SignaturePages.linkProblem(view);
    }

    @GET
    @Path("/signatures/{id}")
    @Operation(summary = "Public status of one signature")
    public Signatories.Status signature(@PathParam("id") String id) {
        return signatories.status(id).orElseThrow(() -> new NotFoundException("No signature has the id '" + id + "'."));
    }

    @GET
    @Path("/signatures/{id}/receipt")
    @Produces("text/plain")
    @Operation(summary = "The signature's receipt: C2SP tlog-proof of its log entry, verifiable offline")
    public Response receipt(@PathParam("id") String id) {
        String proof = signatories
                .receipt(id)
                .orElseThrow(() -> new NotFoundException("No receipt for '" + id
                        + "': the signature is unknown, unconfirmed, or joins the log in a moment."));
        return Response.ok(proof, "text/plain; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + id + ".tlog-proof\"")
                .build();
    }

    @GET
    @Path("/signatures/{id}/attestations")
    @Operation(
            summary = "Signed statements (DSSE envelopes of in-toto Statements) of what was verified about the "
                    + "signature; verify them with /.well-known/undersigned/attestation-key.pem")
    public Response attestations(@PathParam("id") String id) {
        signatories.status(id).orElseThrow(() -> new NotFoundException("No signature has the id '" + id + "'."));
        return Response.ok("[" + String.join(",", attestations.about(id)) + "]", MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("/signatures/{id}/credentials")
    @Operation(
            summary = "The same statements as W3C Verifiable Credentials 2.0 with an eddsa-jcs-2022 Data Integrity "
                    + "proof; the verificationMethod is /.well-known/undersigned/attestation-key.json")
    public Response credentials(@PathParam("id") String id) {
        signatories.status(id).orElseThrow(() -> new NotFoundException("No signature has the id '" + id + "'."));
        return Response.ok(attestations.credentialsAbout(id), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("/letters/{slug}/count")
    @Operation(
            summary = "Counts, split by evidence level, organisation and version",
            description =
                    "total, byLevel, byIdentity and byVersion follow the log's count rule at `checkpoint`: anyone "
                            + "can recompute them from the log, and the service's count audit does. byOrganisation is not in "
                            + "the log (organisations are personal data), so it cannot be recomputed from it.")
    public Response count(@PathParam("slug") String slug, @Context Request request) {
        // an unconditional request usually gets the last reply from CountRoute, before this
        return countResponse(signatories.countReply(letters.letter(slug)), request);
    }

    /** The count's Cache-Control, as JAX-RS writes it (CountRoute writes the same). */
    static final String COUNT_CACHE_CONTROL = "no-transform, max-age=1";

    private static Response countResponse(Signatories.CountReply reply, Request request) {
        EntityTag tag = new EntityTag(reply.revision());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder =
                notModified != null ? notModified : Response.ok(reply.json(), MediaType.APPLICATION_JSON_TYPE);
        return builder.tag(tag)
                .header("Cache-Control", COUNT_CACHE_CONTROL)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "ETag")
                .build();
    }

    @GET
    @Path("/letters/{slug}/signatories")
    @Operation(summary = "Public signatories in signing order; q searches names (case and accents ignored)")
    public Signatories.Page signatories(
            @PathParam("slug") String slug,
            @QueryParam("q") String q,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return signatories.page(letters.letter(slug), q, after, limit);
    }
}
