package org.undersigned.attestations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Attestations")
public class AttestationKeyResource {

    private final Attestations attestations;

    AttestationKeyResource(Attestations attestations) {
        this.attestations = attestations;
    }

    @GET
    @Path(".well-known/undersigned/attestation-key.json")
    @Operation(
            summary = "The attestation key as a Multikey document: what the verifiable credentials' verificationMethod"
                    + " names")
    public Response multikey() {
        return Response.ok(attestations.multikey(), "application/json")
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    @GET
    @Path(".well-known/undersigned/attestation-key.pem")
    @Operation(summary = "The Ed25519 public key (SPKI PEM) that verifies every attestation's DSSE signature")
    public Response key() {
        return Response.ok(attestations.publicKeyPem(), "application/x-pem-file")
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Key-Id", attestations.keyId())
                .build();
    }
}
