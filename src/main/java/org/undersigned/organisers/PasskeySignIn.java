package org.undersigned.organisers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.passkeys.PasskeyOptions;
import org.undersigned.passkeys.Passkeys;
import org.undersigned.verification.OrcidConfig;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.RateLimiter;

/**
 * Organisers' ways in: the sign-in page (a passkey, or ORCID where it is enabled) and the enrolment page an
 * invitation link opens. The passkey steps are JSON for the page's script; a ceremony's origin is checked inside the
 * signed client data, so another site cannot complete one (docs/ARCHITECTURE.md, "Passkeys").
 */
@Path("/")
public class PasskeySignIn {

    /** Asking for challenges is cheap for the asker and costs a row: a budget per client network. */
    static final RateLimiter.Limit CHALLENGES = new RateLimiter.Limit("passkey-challenges", 60, Duration.ofMinutes(10));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean orcid, List<String> choices);

        static native TemplateInstance enrol(String options, String finish, InvitationRepository.Invitation invitation);
    }

    private final Invitations invitations;
    private final Passkeys passkeys;
    private final RateLimiter limiter;
    private final ClientNetwork network;
    private final boolean orcid;
    private final Instance<SignInChoice> choices;

    PasskeySignIn(
            Invitations invitations,
            Passkeys passkeys,
            RateLimiter limiter,
            ClientNetwork network,
            OrcidConfig orcid,
            @Any Instance<SignInChoice> choices) {
        this.choices = choices;
        this.invitations = invitations;
        this.passkeys = passkeys;
        this.limiter = limiter;
        this.network = network;
        this.orcid = orcid.enabled();
    }

    @GET
    @Path("organisers/sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance signInPage() {
        return Templates.signIn(
                orcid,
                choices.stream()
                        .map(SignInChoice::html)
                        .filter(h -> !h.isEmpty())
                        .toList());
    }

    @POST
    @Path("organisers/passkey/options")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PasskeyOptions.Request signInOptions(@Context HttpServerRequest http) {
        limiter.consume(CHALLENGES, network.of(http));
        return passkeys.request("organiser");
    }

    @POST
    @Path("organisers/passkey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response signIn(String response) {
        return Response.ok(Map.of("redirect", "/organisers"))
                .cookie(invitations.signIn(response))
                .build();
    }

    /** The invitation's page; it changes nothing (a mail scanner may open it). */
    @GET
    @Path("organisers/enrol/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response enrolPage(@PathParam("token") String token) {
        String finish = "/organisers/enrol/" + token;
        return invitations
                .open(token)
                .map(i -> Response.ok(Templates.enrol(finish + "/options", finish, i)))
                .orElseGet(() -> Response.status(410).entity(Templates.enrol(null, null, null)))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @POST
    @Path("organisers/enrol/{token}/options")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public PasskeyOptions.Creation enrolOptions(@PathParam("token") String token, @Context HttpServerRequest http) {
        limiter.consume(CHALLENGES, network.of(http));
        return invitations.options(token);
    }

    @POST
    @Path("organisers/enrol/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response enrol(@PathParam("token") String token, String response) {
        return Response.ok(Map.of("redirect", "/organisers"))
                .cookie(invitations.enrol(token, response))
                .build();
    }
}
