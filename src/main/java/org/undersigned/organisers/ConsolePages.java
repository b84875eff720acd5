package org.undersigned.organisers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.signatures.FraudSignals;
import org.undersigned.signatures.LetterTotals;

/**
 * The organisers' console: a dashboard per letter (the verified count by evidence level, sign-ups and confirmations
 * over the last day, what waits for a decision, fraud signals, recent actions). Server-rendered, no JavaScript
 * (docs/ARCHITECTURE.md, "Organisers"). Every console resource sits at "/" with whole paths on its methods, so that
 * JAX-RS matching never stops at a class whose prefix shadows another's page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN})
public class ConsolePages {

    static final int RECENT_ACTIONS = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                SigningTarget letter,
                LetterTotals.Totals totals,
                List<FraudSignals.Window> timeline,
                int maxWindow,
                int held,
                int disputes,
                List<FraudSignals.Signal> signals,
                List<Audit.Event> actions,
                Integer invalidated);
    }

    private final OrganiserAccess access;
    private final LetterService letters;
    private final LetterTotals totals;
    private final FraudSignals signals;
    private final Moderation moderation;
    private final Audit audit;

    ConsolePages(
            OrganiserAccess access,
            LetterService letters,
            LetterTotals totals,
            FraudSignals signals,
            Moderation moderation,
            Audit audit) {
        this.access = access;
        this.letters = letters;
        this.totals = totals;
        this.signals = signals;
        this.moderation = moderation;
        this.audit = audit;
    }

    @GET
    @Path("organisers/letters/{slug}")
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance dashboard(@PathParam("slug") String slug, @QueryParam("invalidated") Integer invalidated) {
        access.forLetter(slug);
        SigningTarget letter = letter(letters, slug);
        List<FraudSignals.Window> timeline = signals.timeline(slug);
        return Templates.dashboard(
                letter,
                totals.of(slug),
                timeline,
                timeline.stream()
                        .mapToInt(w -> Math.max(w.signups(), w.confirmations()))
                        .max()
                        .orElse(1),
                moderation.queue(slug, 500).size(),
                moderation.disputes(slug, 500).size(),
                signals.of(slug),
                audit.find(new Audit.Filter(null, null, slug, null, null), null, RECENT_ACTIONS),
                invalidated);
    }

    /** The letter, or 404 for a slug that names none (the access check has passed: admins reach any slug). */
    static SigningTarget letter(LetterService letters, String slug) {
        return letters.signingTarget(slug).orElseThrow(() -> new NotFoundException("No letter " + slug + "."));
    }
}
