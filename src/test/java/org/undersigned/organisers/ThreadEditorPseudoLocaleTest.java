package org.undersigned.organisers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.undersigned.organisers.EditorSession.THREAD;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.PseudoText;
import org.undersigned.web.EditorMessages;
import org.undersigned.web.PseudoLocaleTest;

/**
 * No string left behind in the thread editor: every page and state of it (list with a notice, new form, preview,
 * errors, archived copy, correction with its history, retraction) rendered in the pseudo-locale shows no text
 * outside ⟦ ⟧ but the thread's own content, which is marked translate="no".
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class ThreadEditorPseudoLocaleTest {

    private static final String QPS = "qps";

    @Inject
    OrganiserTokens tokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theEditorBundleHasEveryMessageWrapped() throws Exception {
        PseudoText.assertWrapped(EditorMessages.class, "/messages/editor_qps.properties");
    }

    @Test
    void everyEditorPageAndStateHasNoTextOutsideMessages() {
        String organiser = tokens.mint("bot:editor", OrganiserTokens.ORGANISER, List.of(EditorSession.LETTER), null)
                .token();
        EditorSession s = EditorSession.open(organiser, THREAD + "/new");
        s.newEntry("pseudo-response", "response", "Initech replies")
                .formParam("organisation", "Initech")
                .formParam("body", "Initech says *nothing* happened.")
                .formParam("claimId", "pseudo-claim", "")
                .formParam("claimText", "Nothing happened.", "")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(303);

        Document list = s.page(THREAD + "?published=pseudo-response", QPS);
        assertThat(list.selectFirst("html").attr("lang")).isEqualTo(QPS);
        assertThat(list.select("#entry-pseudo-response")).hasSize(1);
        assertClean("list", list);
        assertClean("corrected notice", s.page(THREAD + "?corrected=pseudo-response&revision=2", QPS));
        assertClean("retracted notice", s.page(THREAD + "?retracted=pseudo-response", QPS));
        assertClean("new form", s.page(THREAD + "/new", QPS));
        assertClean("correction form", s.page(THREAD + "/pseudo-response/correct", QPS));
        assertClean("retraction form", s.page(THREAD + "/pseudo-response/retract", QPS));

        Document preview = posted(
                s.newEntry("pseudo-rebuttal", "rebuttal", "We reply to Initech")
                        .header("Accept-Language", QPS)
                        .formParam("body", "It *did* happen.")
                        .formParam("pointClaim", "pseudo-claim")
                        .formParam("pointBody", "Here is the record.")
                        .formParam("action", "preview")
                        .post(THREAD + "/new"),
                200);
        assertThat(preview.select("#preview .point")).hasSize(1);
        assertClean("preview", preview);

        Document errors = posted(
                s.newEntry("", "rebuttal", "")
                        .header("Accept-Language", QPS)
                        .formParam("pointClaim", "no-such-claim")
                        .formParam("pointBody", "")
                        .formParam("action", "publish")
                        .post(THREAD + "/new"),
                400);
        assertThat(errors.select("#form-errors li")).hasSizeGreaterThanOrEqualTo(2);
        assertClean("form errors", errors);

        Document archived = posted(
                s.newEntry("pseudo-archived", "response", "Kept")
                        .header("Accept-Language", QPS)
                        .formParam("url", root + "letters/" + EditorSession.LETTER)
                        .formParam("action", "archive")
                        .post(THREAD + "/new"),
                200);
        assertThat(archived.select("#archived-notice")).hasSize(1);
        assertClean("archived notice", archived);

        Document reasonless = posted(
                s.post()
                        .header("Accept-Language", QPS)
                        .formParam("reason", "")
                        .post(THREAD + "/pseudo-response/retract"),
                400);
        assertClean("retraction errors", reasonless);
    }

    private static Document posted(Response response, int status) {
        response.then().statusCode(status);
        return Jsoup.parse(response.asString());
    }

    private static void assertClean(String what, Document page) {
        assertThat(PseudoText.outsideMessages(page.select("body"))).as(what).isEmpty();
    }
}
