package org.undersigned.threads;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.undersigned.letters.LetterPageSection;
import org.undersigned.web.Bundles;
import org.undersigned.web.ReaderMessages;

/** On the letter's page: where the dispute stands, with links to the thread and its feed. */
@ApplicationScoped
public class ThreadSection implements LetterPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(String slug, int entries, long unanswered);
    }

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
        return Templates.summary(slug, entries.size(), unanswered).render();
    }

    /** A thread entry's kind ({@code study}, {@code response}...) in words. */
    @TemplateExtension
    static String kindLabel(String kind, @TemplateAttribute("locale") Object locale) {
        ReaderMessages m = Bundles.in(ReaderMessages.class, locale);
        return switch (kind) {
            case "study" -> m.kindStudy();
            case "response" -> m.kindResponse();
            case "rebuttal" -> m.kindRebuttal();
            case "statement" -> m.kindStatement();
            case "letter-version" -> m.kindLetterVersion();
            default -> kind;
        };
    }
}
