package org.undersigned.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.organisers.SignInChoice;
import org.undersigned.organisers.SignIns;
import org.undersigned.web.Csrf;

/**
 * "Continue as the demo organiser" on the organisers' sign-in page, in dev mode only: a form (CSRF-checked, so another
 * site cannot sign a visitor in) that signs in the subject {@value #SUBJECT} as an organiser of the demo letters (not
 * an admin: what the console shows for letters needs no more), audited like any sign-in. Without the demo there is
 * no button and the endpoint is not found.
 */
@Path("/organisers/demo")
@ApplicationScoped
public class DemoOrganiser implements SignInChoice {

    static final String SUBJECT = "demo-organiser";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance button();
    }

    private final DemoGuard guard;
    private final DemoLetters letters;
    private final SignIns signIns;
    private final Csrf csrf;

    DemoOrganiser(DemoGuard guard, DemoLetters letters, SignIns signIns, Csrf csrf) {
        this.guard = guard;
        this.letters = letters;
        this.signIns = signIns;
        this.csrf = csrf;
    }

    @Override
    public String html() {
        return guard.on() ? Templates.button().render() : "";
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam(Csrf.FIELD) String token) {
        if (!guard.on()) {
            throw new NotFoundException();
        }
        csrf.verify(token);
        NewCookie cookie =
                QuarkusTransaction.requiringNew().call(() -> signIns.signIn(SUBJECT, false, letters.slugs(), "demo"));
        return Response.seeOther(URI.create("/organisers")).cookie(cookie).build();
    }
}
