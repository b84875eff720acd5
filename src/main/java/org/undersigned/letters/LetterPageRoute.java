package org.undersigned.letters;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.undersigned.web.Csrf;
import org.undersigned.web.EarlyLane;
import org.undersigned.web.Languages;
import org.undersigned.web.SharedPage;

/**
 * The most read page, {@code GET /letters/<slug>}, answered by Vert.x on the I/O thread when a request found the
 * shared rendering in the reader's language current less than {@code undersigned.page.recheck} ago: the same page
 * with this visitor's CSRF token, without the resource layer. Anything else goes on to {@link LetterPages#letter},
 * which checks the revision and renders if needed. The page from memory is sent in the {@link EarlyLane}, before
 * the filters (it sets the CSRF cookie itself when the visitor has none); {@link LetterPages#letter} runs after them.
 */
@ApplicationScoped
class LetterPageRoute {

    private final LetterPages pages;
    private final Languages languages;
    private final Csrf csrf;
    private final EarlyLane lane;

    LetterPageRoute(LetterPages pages, Languages languages, Csrf csrf, EarlyLane lane) {
        this.pages = pages;
        this.languages = languages;
        this.csrf = csrf;
        this.lane = lane;
    }

    void register(@Observes Router router) {
        lane.get(router, "/letters/:slug").handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        SharedPage page = pages.recentlyChecked(rc.pathParam("slug"), languages.of(rc.request()));
        if (page == null || !lane.admits(rc)) {
            rc.next();
            return;
        }
        lane.secure(rc);
        rc.response().putHeader("Content-Type", LetterPages.HTML_UTF8).end(Buffer.buffer(csrf.personalise(page, rc)));
    }
}
