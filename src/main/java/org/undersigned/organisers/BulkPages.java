package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/**
 * Bulk invalidation in the console, always in two steps: the filters give a preview (how many, a sample, the reason
 * code), and only the preview's button runs it, carrying the count it showed; if the matching signatures changed in
 * between, a new preview is shown instead and nothing is invalidated. Transactions are explicit, so that a refused
 * form is rendered outside the one that refused it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
public class BulkPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bulk(SigningTarget letter, BulkForm form, Map<String, String> errors);

        static native TemplateInstance preview(
                SigningTarget letter, BulkForm form, int matched, List<String> sample, boolean changed);
    }

    private final OrganiserAccess access;
    private final LetterService letters;
    private final Moderation moderation;
    private final Audit audit;
    private final Csrf csrf;

    BulkPages(OrganiserAccess access, LetterService letters, Moderation moderation, Audit audit, Csrf csrf) {
        this.access = access;
        this.letters = letters;
        this.moderation = moderation;
        this.audit = audit;
        this.csrf = csrf;
    }

    @GET
    @Path("organisers/letters/{slug}/invalidations")
    @Operation(hidden = true)
    public TemplateInstance form(
            @PathParam("slug") String slug,
            @QueryParam("domain") String domain,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("network") String network,
            @QueryParam("networkTag") String networkTag,
            @QueryParam("nameTag") String nameTag,
            @QueryParam("reason") String reason) {
        access.forLetter(slug);
        return Templates.bulk(
                ConsolePages.letter(letters, slug),
                BulkForm.of(domain, from, to, network, networkTag, nameTag, reason),
                Map.of());
    }

    @POST
    @Path("organisers/letters/{slug}/invalidations/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(
            @PathParam("slug") String slug, @BeanParam BulkForm form, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        access.forLetter(slug);
        return dryRun(slug, form, false);
    }

    @POST
    @Path("organisers/letters/{slug}/invalidations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response run(
            @PathParam("slug") String slug,
            @BeanParam BulkForm form,
            @FormParam("expected") int expected,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        Map<String, String> problems = new LinkedHashMap<>();
        var filter = form.filter(problems);
        if (!problems.isEmpty()) {
            return invalid(slug, form, problems);
        }
        try {
            // one transaction: the preview's count must still hold, and what runs is exactly what was shown
            Moderation.Bulk done = QuarkusTransaction.requiringNew().call(() -> {
                Moderation.Bulk check = moderation.invalidate(slug, filter, form.reason, true);
                if (check.matched() != expected) {
                    return check;
                }
                Moderation.Bulk run = moderation.invalidate(slug, filter, form.reason, false);
                audit.record(actor, "invalidate", slug, null, Moderation.describe(form.reason, run, filter));
                return run;
            });
            if (done.invalidated() == 0 && done.matched() != expected) {
                return Response.status(409)
                        .entity(Templates.preview(
                                ConsolePages.letter(letters, slug), form, done.matched(), done.sample(), true))
                        .build();
            }
            return Response.seeOther(URI.create("/organisers/letters/" + slug + "?invalidated=" + done.invalidated()))
                    .build();
        } catch (InvalidInput e) {
            return invalid(slug, form, e.errors());
        }
    }

    private Response dryRun(String slug, BulkForm form, boolean changed) {
        Map<String, String> problems = new LinkedHashMap<>();
        var filter = form.filter(problems);
        if (!problems.isEmpty()) {
            return invalid(slug, form, problems);
        }
        try {
            Moderation.Bulk preview = moderation.invalidate(slug, filter, form.reason, true);
            return Response.ok(Templates.preview(
                            ConsolePages.letter(letters, slug), form, preview.matched(), preview.sample(), changed))
                    .build();
        } catch (InvalidInput e) {
            return invalid(slug, form, e.errors());
        }
    }

    private Response invalid(String slug, BulkForm form, Map<String, String> errors) {
        return Response.status(400)
                .entity(Templates.bulk(ConsolePages.letter(letters, slug), form, errors))
                .build();
    }
}
