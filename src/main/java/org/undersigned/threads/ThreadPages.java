package org.undersigned.threads;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.VersionInfo;
import org.undersigned.signatures.Milestones;
import org.undersigned.web.LocalNotFound;
import org.undersigned.web.PublicUrl;

/** The thread page (a timeline where every claim sits beside the points that answer it) and the Atom feed. */
@Path("/")
public class ThreadPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thread(
                LetterDetail letter,
                List<ThreadService.View> entries,
                Map<String, String> claimTexts,
                Map<String, String> titles);
    }

    private final ThreadService threads;
    private final LetterService letters;
    private final Milestones milestones;
    private final PublicUrl publicUrl;

    ThreadPages(ThreadService threads, LetterService letters, Milestones milestones, PublicUrl publicUrl) {
        this.threads = threads;
        this.letters = letters;
        this.milestones = milestones;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("letters/{slug}/thread")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance thread(@PathParam("slug") String slug) {
        LetterDetail letter = letters.find(slug).orElseThrow(() -> new LocalNotFound(m -> m.noLetter(slug)));
        List<ThreadService.View> entries = threads.thread(slug);
        Map<String, String> claimTexts = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        entries.forEach(e -> e.claims().forEach(c -> claimTexts.put(c.id(), c.text())));
        entries.forEach(e -> titles.put(e.id(), (e.organisation() == null ? "" : e.organisation() + ": ") + e.title()));
        return Templates.thread(letter, entries, claimTexts, titles);
    }

    @GET
    @Path("letters/{slug}/feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed (RFC 4287) of the letter's versions, thread entries and milestones")
    public Response feed(@PathParam("slug") String slug) {
        LetterDetail letter = letters.find(slug).orElseThrow(() -> new LocalNotFound(m -> m.noLetter(slug)));
        String base = publicUrl.link("/letters/" + slug);
        List<AtomFeed.Item> items = new ArrayList<>();
        for (VersionInfo v : letter.versions()) {
            items.add(new AtomFeed.Item(
                    base + "/v/" + v.number(),
                    "Version " + v.number() + ": " + v.changes(),
                    v.published(),
                    v.published(),
                    base + "/v/" + v.number(),
                    null,
                    "Text SHA-256 " + v.textSha256()
                            + (v.carriesSignatures() ? "" : "; signers are asked to re-affirm"),
                    null));
        }
        for (ThreadService.View e : threads.thread(slug)) {
            OffsetDateTime updated = e.revisions().get(e.revisions().size() - 1).publishedAt();
            String title = (e.organisation() == null ? "" : e.organisation() + ": ")
                    + e.title()
                    + (e.retracted() == null ? "" : " (retracted)");
            items.add(new AtomFeed.Item(
                    base + "/thread#" + e.id(),
                    title,
                    updated,
                    e.date().atStartOfDay().atOffset(ZoneOffset.UTC),
                    base + "/thread#" + e.id(),
                    e.author(),
                    e.kind(),
                    e.html()));
        }
        letters.signingTarget(slug).ifPresent(target -> {
            for (Milestones.Reached m : milestones.reached(target.letterId())) {
                OffsetDateTime at = m.at().atOffset(ZoneOffset.UTC);
                items.add(new AtomFeed.Item(
                        base + "#milestone-" + m.count(),
                        m.count() + " verified signatures",
                        at,
                        at,
                        base + "#milestone-" + m.count(),
                        null,
                        "Reached at the log's checkpoint of size " + m.size() + ", root hash " + m.rootHash(),
                        null));
            }
        });
        return Response.ok(
                        AtomFeed.write(base + "/feed.atom", letter.title(), base + "/feed.atom", base, items),
                        "application/atom+xml; charset=utf-8")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
