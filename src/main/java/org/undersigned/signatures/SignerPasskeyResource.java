package org.undersigned.signatures;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.passkeys.PasskeyOptions;

/**
 * A signer's passkey ceremonies, driven by the page script passkeys.js: adding a passkey to a signature, and signing
 * in with one (the pages are SignerPages). Only POSTs of the browser's JSON act, so mail scanners, which follow links,
 * cannot.
 */
@Path("/signers/passkeys")
public class SignerPasskeyResource {

    static final String SIGNATURE_PAGE = "/signers/signature";

    private final SignerPasskeys passkeys;
    private final SignerSessions sessions;
    private final SigningGuard guard;

    SignerPasskeyResource(SignerPasskeys passkeys, SignerSessions sessions, SigningGuard guard) {
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.guard = guard;
    }

    /** Adds the passkey just created for a signature (the offer came with the confirmation page). */
    @POST
    @Path("new/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, String> register(@PathParam("id") String id, String credential) {
        passkeys.register(id, credential);
        return Map.of();
    }

    /** A challenge to sign in with; each one is stored for a few minutes, hence the limit per network. */
    @POST
    @Path("options")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PasskeyOptions.Request options(String ignored, @Context HttpServerRequest http) {
        guard.limitPasskeyRequests(http);
        return passkeys.request();
    }

    /** Signs in with the browser's answer: a session cookie, and where the script goes next. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response signIn(String assertion) {
        String token = passkeys.signIn(assertion);
        return Response.ok(Map.of("redirect", SIGNATURE_PAGE))
                .cookie(sessions.cookie(token))
                .build();
    }
}
