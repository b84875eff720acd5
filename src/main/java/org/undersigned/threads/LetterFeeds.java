package org.undersigned.threads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.VersionInfo;
import org.undersigned.signatures.Milestones;
import org.undersigned.web.LocalNotFound;
import org.undersigned.web.PublicUrl;
import org.undersigned.web.ShortCache;

/**
 * The Atom feeds (RFC 4287): one letter's versions, thread entries and milestones, and the same of every letter in
 * one feed for the press (newest {@value #ALL} entries, each title naming its letter). English, like the API.
 */
@ApplicationScoped
class LetterFeeds {

    static final int ALL = 200;

    private final ThreadService threads;
    private final LetterService letters;
    private final Milestones milestones;
    private final PublicUrl publicUrl;
    private final ShortCache<String, String> all = new ShortCache<>(Duration.ofSeconds(10), 1);

    LetterFeeds(ThreadService threads, LetterService letters, Milestones milestones, PublicUrl publicUrl) {
        this.threads = threads;
        this.letters = letters;
        this.milestones = milestones;
        this.publicUrl = publicUrl;
    }

    @Transactional
    String letter(String slug) {
        LetterDetail letter = letters.find(slug).orElseThrow(() -> new LocalNotFound(m -> m.noLetter(slug)));
        String base = publicUrl.link("/letters/" + slug);
        return AtomFeed.write(base + "/feed.atom", letter.title(), base + "/feed.atom", base, items(letter, ""));
    }

    @Transactional
    String all() {
        return all.get("all", k -> {
            List<AtomFeed.Item> items = new ArrayList<>();
            for (var summary : letters.list()) {
                letters.find(summary.slug()).ifPresent(l -> items.addAll(items(l, l.title() + ": ")));
            }
            List<AtomFeed.Item> newest = items.stream()
                    .sorted(Comparator.comparing(AtomFeed.Item::updated).reversed())
                    .limit(ALL)
                    .toList();
            String self = publicUrl.link("/feed.atom");
            return AtomFeed.write(self, "Undersigned: every letter", self, publicUrl.link("/"), newest);
        });
    }

    /** A letter's entries; {@code prefix} goes before each title (the letter's, in the feed of all letters). */
    private List<AtomFeed.Item> items(LetterDetail letter, String prefix) {
        String base = publicUrl.link("/letters/" + letter.slug());
        List<AtomFeed.Item> items = new ArrayList<>();
        for (VersionInfo v : letter.versions()) {
            items.add(new AtomFeed.Item(
                    base + "/v/" + v.number(),
                    prefix + "Version " + v.number() + ": " + v.changes(),
                    v.published(),
                    v.published(),
                    base + "/v/" + v.number(),
                    null,
                    "Text SHA-256 " + v.textSha256()
                            + (v.carriesSignatures() ? "" : "; signers are asked to re-affirm"),
                    null));
        }
        for (ThreadService.View e : threads.thread(letter.slug())) {
            OffsetDateTime updated = e.revisions().get(e.revisions().size() - 1).publishedAt();
            String title = (e.organisation() == null ? "" : e.organisation() + ": ")
                    + e.title()
                    + (e.retracted() == null ? "" : " (retracted)");
            items.add(new AtomFeed.Item(
                    base + "/thread#" + e.id(),
                    prefix + title,
                    updated,
                    e.date().atStartOfDay().atOffset(ZoneOffset.UTC),
                    base + "/thread#" + e.id(),
                    e.author(),
                    e.kind(),
                    e.html()));
        }
        letters.signingTarget(letter.slug()).ifPresent(target -> {
            for (Milestones.Reached m : milestones.reached(target.letterId())) {
                OffsetDateTime at = m.at().atOffset(ZoneOffset.UTC);
                items.add(new AtomFeed.Item(
                        base + "#milestone-" + m.count(),
                        prefix + m.count() + " verified signatures",
                        at,
                        at,
                        base + "#milestone-" + m.count(),
                        null,
                        "Reached at the log's checkpoint of size " + m.size() + ", root hash " + m.rootHash(),
                        null));
            }
        });
        return items;
    }
}
