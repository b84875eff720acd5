package org.undersigned.threads;

import io.quarkus.qute.TemplateExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.letters.LetterViews.LetterDetail;

/** On the letter's page: where the dispute stands, with links to the thread and its feed. */
@ApplicationScoped
public class ThreadSection implements LetterPageSection {

    private final ThreadService threads;

    ThreadSection(ThreadService threads) {
        this.threads = threads;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String revision(String slug) {
        var entries = threads.thread(slug);
        return entries.size() + ":"
                + entries.stream().mapToInt(e -> e.revisions().size()).sum() + ":"
                + entries.stream().filter(e -> e.retracted() != null).count();
    }

    @Override
    public String html(String slug) {
        var entries = threads.thread(slug);
        long unanswered = entries.stream()
                .filter(e -> e.retracted() == null)
                .flatMap(e -> e.answers().values().stream())
                .filter(List::isEmpty)
                .count();
        StringBuilder html = new StringBuilder("<section class=\"thread-summary\" aria-labelledby=\"thread-heading\">"
                + "<h2 id=\"thread-heading\">Responses and rebuttals</h2>");
        if (entries.isEmpty()) {
            html.append("<p>No response has been published yet.</p>");
        } else {
            html.append("<p>")
                    .append(entries.size())
                    .append(entries.size() == 1 ? " entry" : " entries")
                    .append(
                            unanswered == 0
                                    ? ""
                                    : ", " + unanswered + " claim" + (unanswered == 1 ? "" : "s") + " not answered yet")
                    .append(". <a href=\"/letters/")
                    .append(slug)
                    .append("/thread\">Read the thread, claim by claim</a>")
                    .append("</p>");
        }
        html.append("<p class=\"muted\"><a href=\"/letters/")
                .append(slug)
                .append("/feed.atom\">Atom feed</a> · ")
                .append("<img src=\"/letters/")
                .append(slug)
                .append("/badge.svg\" alt=\"verified signature count\" ")
                .append("height=\"20\"></p></section>");
        return html.toString();
    }

    @TemplateExtension
    static String disputeTitle(LetterDetail letter) {
        return "The dispute: " + letter.title();
    }
}
