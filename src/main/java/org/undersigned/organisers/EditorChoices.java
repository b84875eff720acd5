package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.letters.Markdown;
import org.undersigned.threads.ThreadEntry;
import org.undersigned.threads.ThreadService;

/**
 * What the entry form offers from the rest of the thread: the claims a point may answer (labelled "entry title —
 * claim text", valued by claim id, unique in a thread) and the entries one may respond to; and the preview, rendered
 * by the same Markdown renderer as the public thread page.
 */
public record EditorChoices(
        List<ClaimChoice> claims, List<EntryChoice> entries, Map<String, String> owners, Markdown markdown) {

    public record ClaimChoice(String id, String label, String text) {}

    public record EntryChoice(String id, String title) {}

    /** The entry as readers would see it: its body, and each point beside the text of the claim it answers. */
    public record Preview(String html, List<PointPreview> points) {}

    public record PointPreview(String claim, String html) {}

    /** The kinds of entry there are. */
    public List<String> kinds() {
        return ThreadEntry.KINDS;
    }

    Preview preview(ThreadEntry entry) {
        Map<String, String> texts = new LinkedHashMap<>();
        claims.forEach(c -> texts.put(c.id(), c.text()));
        return new Preview(
                markdown.toHtml(entry.body()),
                entry.points().stream()
                        .map(p -> new PointPreview(
                                texts.getOrDefault(p.claim(), p.claim() == null ? "" : p.claim()),
                                markdown.toHtml(p.body())))
                        .toList());
    }

    @ApplicationScoped
    static class Factory {

        private final ThreadService threads;
        private final Markdown markdown;

        Factory(ThreadService threads, Markdown markdown) {
            this.threads = threads;
            this.markdown = markdown;
        }

        /** The choices for an entry of the letter's thread ({@code editing}: the entry corrected, else null). */
        EditorChoices of(String slug, String editing) {
            List<ClaimChoice> claims = new ArrayList<>();
            List<EntryChoice> entries = new ArrayList<>();
            Map<String, String> owners = new LinkedHashMap<>();
            for (ThreadService.View e : threads.thread(slug)) {
                if (e.id().equals(editing)) {
                    continue; // an entry answers other entries only
                }
                entries.add(new EntryChoice(e.id(), e.title()));
                for (ThreadEntry.Claim c : e.claims()) {
                    claims.add(new ClaimChoice(c.id(), e.title() + " \u2014 " + c.text(), c.text()));
                    owners.put(c.id(), e.id());
                }
            }
            return new EditorChoices(claims, entries, owners, markdown);
        }
    }
}
