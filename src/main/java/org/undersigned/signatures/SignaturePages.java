package org.undersigned.signatures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/** The signing pages: they all work without JavaScript; every form is CSRF-protected. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignaturePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sign(SigningTarget letter, SignRequest form, Map<String, String> errors);

        static native TemplateInstance sent(SigningTarget letter, String email, long hours);

        static native TemplateInstance link(String kind, String token, LinkView view);

        static native TemplateInstance done(String kind, LinkView view, boolean erased, PasskeyOffer offer);

        static native TemplateInstance signatories(
                SigningTarget letter, Signatories.Page page, String q, Signatories.Count count, String problem);
    }

    private final SignableLetters letters;
    private final LinkMails linkMails;
    private final MailedLinks links;
    private final SigningGuard guard;
    private final Signatories signatories;
    private final SignatoryCsv csv;
    private final Csrf csrf;
    private final SignerPasskeys passkeys;

    SignaturePages(
            SignableLetters letters,
            LinkMails linkMails,
            MailedLinks links,
            SigningGuard guard,
            Signatories signatories,
            SignatoryCsv csv,
            Csrf csrf,
            SignerPasskeys passkeys) {
        this.passkeys = passkeys;
        this.letters = letters;
        this.linkMails = linkMails;
        this.links = links;
        this.guard = guard;
        this.signatories = signatories;
        this.csv = csv;
        this.csrf = csrf;
    }

    @GET
    @Path("letters/{slug}/sign")
    @Operation(hidden = true)
    public TemplateInstance signForm(@PathParam("slug") String slug) {
        return Templates.sign(letters.openLetter(slug), SigningSection.EMPTY_FORM, Map.of());
    }

    @POST
    @Path("letters/{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sign(
            @PathParam("slug") String slug,
            @FormParam("name") String name,
            @FormParam("email") String email,
            @FormParam("organisation") String organisation,
            @FormParam("role") String role,
            @FormParam("listing") String listing,
            @FormParam("comment") String comment,
            @FormParam("notify") String notify,
            @FormParam(Csrf.FIELD) String token,
            @Context HttpServerRequest http) {
        csrf.verify(token);
        SigningTarget letter = letters.openLetter(slug);
        SignRequest form = new SignRequest(name, email, organisation, role, listing, comment, notify != null);
        try {
            guard.sign(slug, form, http);
        } catch (InvalidInput e) {
            // what the person typed comes back with a message per field
            return Response.status(400)
                    .entity(Templates.sign(letter, form, InvalidForm.shown(e)))
                    .build();
        }
        return Response.ok(Templates.sent(letter, email.strip(), linkMails.confirmHours()))
                .build();
    }

    /** What a mailed link will do, before it does it (mail scanners that open links must not act). */
    @GET
    @Path("{kind: confirm|withdraw|reaffirm|attach}/{token}")
    @Operation(hidden = true)
    public TemplateInstance linkPage(@PathParam("kind") String kind, @PathParam("token") String token) {
        return Templates.link(kind, token, links.inspect(token, purposeOf(kind)));
    }

    /** A mailed link acts, once; {@code erase} applies to a withdrawal only. */
    @POST
    @Path("{kind: confirm|withdraw|reaffirm|attach}/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response act(
            @PathParam("kind") String kind,
            @PathParam("token") String token,
            @FormParam("erase") String erase,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        guard.limitLink(http, token, purposeOf(kind));
        return switch (purposeOf(kind)) {
            case CONFIRM -> confirmed(token, links.confirm(token));
            case WITHDRAW -> outcome(kind, token, links.withdraw(token, erase != null), erase != null);
            case REAFFIRM -> outcome(kind, token, links.reaffirm(token), false);
            case ATTACH -> outcome(kind, token, links.attach(token), false);
            case ANSWER -> throw new NotFoundException(); // answered at /answer/<token> (DisputePages)
        };
    }

    private static SignatureToken.Purpose purposeOf(String kind) {
        return SignatureToken.Purpose.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    @POST
    @Path("confirm/{token}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance resend(
            @PathParam("token") String token,
            @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpServerRequest http) {
        csrf.verify(csrfToken);
        guard.limitLink(http, token, SignatureToken.Purpose.CONFIRM);
        links.emailBehind(token, SignatureToken.Purpose.CONFIRM).ifPresent(guard::limitEmail);
        LinkView view = links.inspect(token, SignatureToken.Purpose.CONFIRM);
        boolean sent = links.resendConfirmation(token);
        return Templates.done(sent ? "resent" : "not-resent", view, false, null);
    }

    @GET
    @Path("letters/{slug}/signatories")
    @Operation(hidden = true)
    public Response signatoriesPage(
            @PathParam("slug") String slug, @QueryParam("q") String q, @QueryParam("after") String after) {
        SigningTarget letter = letters.letter(slug);
        String typed = q == null ? "" : q;
        try {
            return Response.ok(Templates.signatories(
                            letter, signatories.page(letter, q, after, 100), typed, signatories.count(letter), null))
                    .build();
        } catch (InvalidInput e) {
            // a search too short to answer, or a broken cursor: said on the page, with the search form to try again
            String problem = String.join(" ", InvalidForm.shown(e).values());
            return Response.status(400)
                    .entity(Templates.signatories(
                            letter, new Signatories.Page(List.of(), null), typed, signatories.count(letter), problem))
                    .build();
        }
    }

    /**
     * From this replica's copy, up to a minute old (an erasure outdates it at once): SignatoryCsv. The copy is
     * gzip-compressed; it is sent so to clients that take gzip, and uncompressed on the way to the others.
     */
    @GET
    @Path("letters/{slug}/signatories.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) {
        SignatoryCsv.Opened copy = csv.open(letters.letter(slug));
        boolean gzip = acceptsGzip(encodings);
        StreamingOutput body = out -> {
            try (InputStream in = gzip ? copy.gzipped() : new GZIPInputStream(copy.gzipped(), 1 << 16)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-signatories.csv\"")
                .header("Access-Control-Allow-Origin", "*");
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip").header(HttpHeaders.CONTENT_LENGTH, copy.length());
        }
        return response.build();
    }

    /** Whether an Accept-Encoding header takes gzip (RFC 9110 §12.5.3); anything malformed counts as no. */
    static boolean acceptsGzip(String header) {
        if (header == null || header.length() > 1000) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] params = part.split(";", -1); // never empty, whatever the header holds
            String coding = params[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return q > 0;
        }
        return false;
    }

    /** A confirmed signature's page offers a passkey to manage it later (it needs JavaScript; the mails do not). */
    private Response confirmed(String token, LinkView view) {
        if (!view.valid()) {
            return outcome("confirm", token, view, false);
        }
        PasskeyOffer offer = passkeys.afterConfirmation(token).orElse(null);
        return Response.ok(Templates.done("confirm", view, false, offer)).build();
    }

    static Response outcome(String kind, String token, LinkView view, boolean erased) {
        if (view.valid()) {
            return Response.ok(Templates.done(kind, view, erased, null)).build();
        }
        return Response.status(statusOf(view))
                .entity(Templates.link(kind, token, view))
                .build();
    }

    private static int statusOf(LinkView view) {
        return view.expired() || view.used() ? 410 : 404;
    }

    /** The API's answer for a link that cannot be used. */
    static WebApplicationException linkProblem(LinkView view) {
        return switch (view.state()) {
            case EXPIRED ->
                new ClientErrorException("This confirmation link has expired. Sign again to get a new " + "one.", 410);
            case USED -> new ClientErrorException("This link has already been used.", 410);
            default -> new NotFoundException("This link is not valid. Check that it was copied completely.");
        };
    }
}
