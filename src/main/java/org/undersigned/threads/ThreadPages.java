package org.undersigned.threads;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.web.LocalNotFound;

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
    private final LetterFeeds feeds;

    ThreadPages(ThreadService threads, LetterService letters, LetterFeeds feeds) {
        this.threads = threads;
        this.letters = letters;
        this.feeds = feeds;
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
        return atom(feeds.letter(slug));
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed (RFC 4287) of every letter's versions, thread entries and milestones, newest 200")
    public Response feed() {
        return atom(feeds.all());
    }

    private static Response atom(String feed) {
        return Response.ok(feed, "application/atom+xml; charset=utf-8")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
