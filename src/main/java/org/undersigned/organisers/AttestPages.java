package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.signatures.CountedSignatures;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Organisations;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/**
 * Attesting an honour or an affiliation in the console, as the API does it ({@link OrganiserApi#attest}): a letter's
 * counted signatures, a page at a time and searchable by name, then one signature's page with a form for each and the
 * signed statements issued about it. Forms without JavaScript, CSRF-protected, each action in the audit trail.
 * A form that cannot be carried out comes back 400 as typed, each problem in the reader's language.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
public class AttestPages {

    static final int PAGE = 50;
    private static final Set<String> ATTESTED = Set.of("honour", "affiliation");

    /** The attestation forms as typed: the honour's id and year, the organisation's name. */
    public record AttestForm(String honour, String year, String organisation) {

        /** Never null, so that the template compares and shows them as they are. */
        public AttestForm {
            honour = honour == null ? "" : honour;
            year = year == null ? "" : year;
            organisation = organisation == null ? "" : organisation;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signatures(
                SigningTarget letter,
                String q,
                String after,
                int limit,
                CountedSignatures.Page page,
                Map<String, String> errors);

        static native TemplateInstance signature(
                SigningTarget letter,
                CountedSignatures.Row signature,
                List<Honours.Honour> honours,
                List<Organisations.Organisation> organisations,
                AttestForm form,
                Map<String, String> errors,
                List<SignedStatements.Statement> statements,
                String attested);
    }

    private final OrganiserAccess access;
    private final LetterService letters;
    private final CountedSignatures counted;
    private final Moderation moderation;
    private final Honours honours;
    private final Organisations organisations;
    private final Audit audit;
    private final Csrf csrf;

    AttestPages(
            OrganiserAccess access,
            LetterService letters,
            CountedSignatures counted,
            Moderation moderation,
            Honours honours,
            Organisations organisations,
            Audit audit,
            Csrf csrf) {
        this.access = access;
        this.letters = letters;
        this.counted = counted;
        this.moderation = moderation;
        this.honours = honours;
        this.organisations = organisations;
        this.audit = audit;
        this.csrf = csrf;
    }

    @GET
    @Path("organisers/letters/{slug}/signatures")
    @Operation(hidden = true)
    public Response list(
            @PathParam("slug") String slug,
            @QueryParam("q") String q,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        Integer size = pageSize(limit, PAGE);
        if (size == null) {
            return list400(letter, q, after, PAGE, Map.of("limit", "after"));
        }
        try {
            return Response.ok(
                            Templates.signatures(letter, q, after, size, counted.page(slug, q, after, size), Map.of()))
                    .build();
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().keySet().forEach(field -> errors.put(field, "q".equals(field) ? "query" : "after"));
            return list400(letter, q, after, size, errors);
        }
    }

    private Response list400(SigningTarget letter, String q, String after, int limit, Map<String, String> errors) {
        return Response.status(400)
                .entity(Templates.signatures(
                        letter, q, after, limit, new CountedSignatures.Page(List.of(), null), errors))
                .build();
    }

    /** A query parameter's value, for the links that page through a search. */
    @TemplateExtension
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @GET
    @Path("organisers/letters/{slug}/signatures/{id}")
    @Operation(hidden = true)
    public TemplateInstance signature(
            @PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("attested") String attested) {
        access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        CountedSignatures.Row row = row(slug, id);
        return page(
                letter,
                row,
                new AttestForm(null, null, row.organisation()),
                Map.of(),
                attested != null && ATTESTED.contains(attested) ? attested : null);
    }

    @POST
    @Path("organisers/letters/{slug}/signatures/{id}/honour")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response attestHonour(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @FormParam("honour") String honour,
            @FormParam("year") String year,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        CountedSignatures.Row row = row(slug, id);
        AttestForm form = new AttestForm(honour, year, row.organisation());
        Map<String, String> errors = new LinkedHashMap<>();
        if (honour == null || honours.byId(honour).isEmpty()) {
            errors.put("honour", "honour");
        }
        if (year == null || !year.strip().matches("(19|20)[0-9]{2}")) {
            errors.put("year", "year");
        }
        if (errors.isEmpty()) {
            int awarded = Integer.parseInt(year.strip());
            errors.putAll(attempt(
                    () -> {
                        moderation.attestHonour(slug, id, honour, awarded, actor);
                        audit.record(actor, "attest-honour", slug, id, honour + " " + awarded);
                    },
                    Map.of("honour", "honour", "year", "laureate")));
        }
        return errors.isEmpty() ? attested(slug, id, "honour") : invalid(letter, row, form, errors);
    }

    @POST
    @Path("organisers/letters/{slug}/signatures/{id}/affiliation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response attestAffiliation(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @FormParam("organisation") String organisation,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        CountedSignatures.Row row = row(slug, id);
        AttestForm form = new AttestForm(null, null, organisation);
        Map<String, String> errors = new LinkedHashMap<>();
        if (organisations.named(organisation).isEmpty()) {
            errors.put("organisation", "organisation");
        } else {
            errors.putAll(attempt(
                    () -> {
                        moderation.attestAffiliation(slug, id, organisation, actor);
                        audit.record(actor, "attest-affiliation", slug, id, organisation);
                    },
                    Map.of("organisation", "stated")));
        }
        return errors.isEmpty() ? attested(slug, id, "affiliation") : invalid(letter, row, form, errors);
    }

    /**
     * Runs an attestation and its audit record in one transaction of their own, so that a refusal leaves nothing
     * behind. Returns the problems as field → message code: {@code codes} translates the fields Moderation names,
     * and a signature that stopped counting meanwhile is one too.
     */
    private static Map<String, String> attempt(Runnable attestation, Map<String, String> codes) {
        try {
            QuarkusTransaction.requiringNew().run(attestation);
            return Map.of();
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().keySet().forEach(field -> errors.put(field, codes.getOrDefault(field, field)));
            return errors;
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() != 409) {
                throw e;
            }
            return Map.of("signature", "counted");
        }
    }

    private Response attested(String slug, String id, String what) {
        return Response.seeOther(URI.create("/organisers/letters/" + slug + "/signatures/" + id + "?attested=" + what))
                .build();
    }

    private Response invalid(SigningTarget letter, CountedSignatures.Row row, AttestForm form, Map<String, String> e) {
        return Response.status(e.containsKey("signature") ? 409 : 400)
                .entity(page(letter, row, form, e, null))
                .build();
    }

    private TemplateInstance page(
            SigningTarget letter,
            CountedSignatures.Row row,
            AttestForm form,
            Map<String, String> errors,
            String attested) {
        return Templates.signature(
                letter,
                row,
                honours.all(),
                organisations.all(),
                form,
                errors,
                SignedStatements.of(counted.statements(row.id())),
                attested);
    }

    private CountedSignatures.Row row(String slug, String id) {
        return counted.one(slug, id)
                .orElseThrow(() -> new NotFoundException("Letter '" + slug + "' has no counted signature " + id + "."));
    }

    /** A page size from 1 to the most a page holds, {@code fallback} when not given, null when not a number. */
    static Integer pageSize(String limit, int fallback) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(limit.strip()), CountedSignatures.MAX_PAGE));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
