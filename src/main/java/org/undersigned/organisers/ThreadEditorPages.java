package org.undersigned.organisers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.threads.Archives;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;
import org.undersigned.web.Csrf;
import org.undersigned.web.InvalidInput;

/**
 * The console's thread editor: the letter's entries, a form to write or correct one (Preview renders it as readers
 * will see it and stores nothing; Publish stores it), retraction with a reason, and archiving the page a response
 * cites. Forms without JavaScript, CSRF-protected; every action audited like the JSON API's (ThreadEditing).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
public class ThreadEditorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                SigningTarget letter,
                List<ThreadService.View> entries,
                String published,
                String corrected,
                Integer revision,
                String retracted);

        static native TemplateInstance form(
                SigningTarget letter,
                EntryForm form,
                ThreadService.View editing,
                Map<String, String> errors,
                EditorChoices choices,
                EditorChoices.Preview preview,
                Archives.Archived archivedCopy);

        static native TemplateInstance retract(
                SigningTarget letter, ThreadService.View entry, String reason, Map<String, String> errors);
    }

    private final OrganiserAccess access;
    private final LetterService letters;
    private final ThreadService threads;
    private final ThreadEditing editing;
    private final EditorChoices.Factory choices;
    private final Csrf csrf;

    ThreadEditorPages(
            OrganiserAccess access,
            LetterService letters,
            ThreadService threads,
            ThreadEditing editing,
            EditorChoices.Factory choices,
            Csrf csrf) {
        this.access = access;
        this.letters = letters;
        this.threads = threads;
        this.editing = editing;
        this.choices = choices;
        this.csrf = csrf;
    }

    @GET
    @Path("organisers/letters/{slug}/thread")
    @Operation(hidden = true)
    public TemplateInstance list(
            @PathParam("slug") String slug,
            @QueryParam("published") String published,
            @QueryParam("corrected") String corrected,
            @QueryParam("revision") Integer revision,
            @QueryParam("retracted") String retracted) {
        access.forLetter(slug);
        return Templates.list(
                ConsolePages.letter(letters, slug), threads.thread(slug), published, corrected, revision, retracted);
    }

    @GET
    @Path("organisers/letters/{slug}/thread/new")
    @Operation(hidden = true)
    public TemplateInstance newEntry(@PathParam("slug") String slug) {
        access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        return Templates.form(
                letter,
                EntryForm.blank(LocalDate.now(ZoneOffset.UTC)),
                null,
                Map.of(),
                choices.of(slug, null),
                null,
                null);
    }

    @POST
    @Path("organisers/letters/{slug}/thread/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submitNew(
            @PathParam("slug") String slug,
            @BeanParam EntryForm form,
            @FormParam("action") String action,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        return submit(slug, null, form, action, actor);
    }

    @GET
    @Path("organisers/letters/{slug}/thread/{id}/correct")
    @Operation(hidden = true)
    public TemplateInstance correction(@PathParam("slug") String slug, @PathParam("id") String id) {
        access.forLetter(slug);
        SigningTarget letter = ConsolePages.letter(letters, slug);
        ThreadService.View entry = entry(slug, id);
        return Templates.form(letter, EntryForm.of(entry), entry, Map.of(), choices.of(slug, id), null, null);
    }

    @POST
    @Path("organisers/letters/{slug}/thread/{id}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submitCorrection(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @BeanParam EntryForm form,
            @FormParam("action") String action,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        entry(slug, id);
        form.id = id; // a correction keeps the entry's id whatever the form says
        return submit(slug, id, form, action, actor);
    }

    @GET
    @Path("organisers/letters/{slug}/thread/{id}/retract")
    @Operation(hidden = true)
    public TemplateInstance retraction(@PathParam("slug") String slug, @PathParam("id") String id) {
        access.forLetter(slug);
        return Templates.retract(ConsolePages.letter(letters, slug), entry(slug, id), "", Map.of());
    }

    @POST
    @Path("organisers/letters/{slug}/thread/{id}/retract")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response retract(
            @PathParam("slug") String slug,
            @PathParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        String actor = access.forLetter(slug);
        ThreadService.View entry = entry(slug, id);
        try {
            editing.retract(slug, id, reason, actor);
        } catch (InvalidInput e) {
            return Response.status(400)
                    .entity(Templates.retract(ConsolePages.letter(letters, slug), entry, reason, anchors(e.errors())))
                    .build();
        }
        return see("/organisers/letters/" + slug + "/thread?retracted=" + id);
    }

    /** Preview, archive the original, or publish (the default button is Preview: Enter never publishes). */
    private Response submit(String slug, String editingId, EntryForm form, String action, String actor) {
        SigningTarget letter = ConsolePages.letter(letters, slug);
        EditorChoices options = choices.of(slug, editingId);
        ThreadService.View edited = editingId == null ? null : entry(slug, editingId);
        Map<String, String> problems = new LinkedHashMap<>();
        if ("archive".equals(action)) {
            try {
                Archives.Archived copy = editing.archive(slug, form.url, actor);
                form.archived = copy.sha256();
                return Response.ok(Templates.form(letter, form, edited, Map.of(), options, null, copy))
                        .build();
            } catch (InvalidInput e) {
                return form(
                        400, letter, form, edited, anchors(Map.of(blankUrl(form) ? "url" : "archive", "")), options);
            }
        }
        ThreadEntry entry = form.entry(options.owners(), problems);
        if (!"publish".equals(action)) {
            return Response.ok(Templates.form(letter, form, edited, Map.of(), options, options.preview(entry), null))
                    .build();
        }
        if (!problems.isEmpty()) {
            return form(400, letter, form, edited, anchors(problems), options);
        }
        try {
            if (editingId == null) {
                editing.publish(slug, entry, actor);
                return see("/organisers/letters/" + slug + "/thread?published=" + entry.id());
            }
            ThreadService.View view = editing.correct(slug, editingId, entry, actor);
            return see("/organisers/letters/" + slug + "/thread?corrected=" + editingId + "&revision="
                    + view.revisions().size());
        } catch (InvalidInput e) {
            return form(400, letter, form, edited, anchors(e.errors()), options);
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() != 409) {
                throw e;
            }
            return form(409, letter, form, edited, anchors(Map.of("idTaken", "")), options);
        }
    }

    private static Response form(
            int status,
            SigningTarget letter,
            EntryForm form,
            ThreadService.View edited,
            Map<String, String> errors,
            EditorChoices options) {
        return Response.status(status)
                .entity(Templates.form(letter, form, edited, errors, options, null, null))
                .build();
    }

    /** The form's fields in the order it shows them, so that its error summary follows the same order. */
    private static final List<String> FIELDS = List.of(
            "kind",
            "id",
            "idTaken",
            "title",
            "organisation",
            "author",
            "date",
            "url",
            "archive",
            "archived",
            "responds_to",
            "body",
            "claims",
            "points",
            "reason");

    /** Each problem's key with the id of the field it is about, for the error summary's links, in the form's order. */
    static Map<String, String> anchors(Map<String, String> problems) {
        Map<String, String> links = new LinkedHashMap<>();
        problems.keySet().stream()
                .sorted(Comparator.comparingInt(k -> FIELDS.contains(k) ? FIELDS.indexOf(k) : FIELDS.size()))
                .forEach(key -> links.put(
                        key,
                        switch (key) {
                            case "claims" -> "f-claim-id-1";
                            case "points" -> "f-point-claim-1";
                            case "responds_to" -> "f-respondsTo";
                            case "idTaken" -> "f-id";
                            case "archive" -> "f-url";
                            default -> "f-" + key;
                        }));
        return links;
    }

    private static boolean blankUrl(EntryForm form) {
        return form.url == null || form.url.isBlank();
    }

    private ThreadService.View entry(String slug, String id) {
        return threads.thread(slug).stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("The thread of '" + slug + "' has no entry '" + id + "'."));
    }

    private static Response see(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
