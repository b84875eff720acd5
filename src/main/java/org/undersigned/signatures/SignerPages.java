package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.web.Csrf;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;

/**
 * A signer's passkey pages: signing in, and the page of a signer signed in: their signature, and forms (no
 * JavaScript) to withdraw or erase it, to start or stop news, and to sign out. Without a session it says how to sign
 * in again, with a 401.
 */
@Path("/signers")
@Produces(MediaType.TEXT_HTML)
public class SignerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn();

        static native TemplateInstance signature(MySignature signature, PasskeyOffer offer);
    }

    private final SignerSessions sessions;
    private final SignerSignatures signatures;
    private final SignerPasskeys passkeys;
    private final Csrf csrf;

    SignerPages(SignerSessions sessions, SignerSignatures signatures, SignerPasskeys passkeys, Csrf csrf) {
        this.sessions = sessions;
        this.signatures = signatures;
        this.passkeys = passkeys;
        this.csrf = csrf;
    }

    /** Signing in with a passkey; the page's script does it (SignerPasskeyResource). */
    @GET
    @Path("passkey")
    @Operation(hidden = true)
    public TemplateInstance signIn() {
        return Templates.signIn();
    }

    @GET
    @Path("signature")
    @Operation(hidden = true)
    public Response page(@CookieParam(SignerSessions.COOKIE) String cookie) {
        long seq = signedIn(cookie);
        MySignature mine = signatures.view(seq);
        PasskeyOffer offer = mine.live() ? passkeys.forSignature(seq).orElse(null) : null;
        // personal: never kept by a browser's or a proxy's cache
        return Response.ok(Templates.signature(mine, offer))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Withdraws (the same as the mailed link does), and with {@code erase} erases and signs out. */
    @POST
    @Path("signature/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(
            @CookieParam(SignerSessions.COOKIE) String cookie,
            @FormParam("erase") String erase,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        long seq = signedIn(cookie);
        LinkView view = signatures.withdraw(seq, erase != null);
        Response.ResponseBuilder done =
                Response.ok(SignaturePages.Templates.done("withdraw", view, erase != null, null));
        return erase != null ? done.cookie(sessions.removal()).build() : done.build();
    }

    @POST
    @Path("signature/news")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response news(
            @CookieParam(SignerSessions.COOKIE) String cookie,
            @FormParam("news") String news,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        long seq = signedIn(cookie);
        signatures.news(seq, "on".equals(news));
        return Response.seeOther(URI.create(SignerPasskeyResource.SIGNATURE_PAGE))
                .build();
    }

    @POST
    @Path("signature/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@CookieParam(SignerSessions.COOKIE) String cookie, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        sessions.close(cookie);
        return Response.seeOther(URI.create("/signers/passkey"))
                .cookie(sessions.removal())
                .build();
    }

    /** The signature the session may act on; without one, a 401 whose page links to the passkey page (ErrorMappers). */
    private long signedIn(String cookie) {
        return sessions.signature(cookie).orElseThrow(() -> new LocalProblem(401, ErrorMessages::signerSignedOut));
    }
}
