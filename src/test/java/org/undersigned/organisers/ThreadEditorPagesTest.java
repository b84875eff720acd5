package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.undersigned.organisers.EditorSession.LETTER;
import static org.undersigned.organisers.EditorSession.THREAD;
import static org.undersigned.organisers.EditorSession.thread;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The console's thread editor over HTTP, as a browser without JavaScript uses it: preview stores nothing; a company
 * response with claims, then a rebuttal answering one of them, published, corrected and retracted, each audited;
 * bad input comes back as 400 with the form as typed (malformed input and refusals: ThreadEditorRefusalsTest).
 */
@QuarkusTest
class ThreadEditorPagesTest {

    @Inject
    OrganiserTokens tokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void previewShowsTheSanitizedEntryAndStoresNothing() {
        EditorSession s = session();
        Response preview = s.newEntry("preview-only", "statement", "Only a preview")
                .formParam("body", "Some **bold** words <script>alert(1)</script>")
                .formParam("action", "preview")
                .post(THREAD + "/new");
        preview.then().statusCode(200);
        Document page = Jsoup.parse(preview.asString());
        Element shown = page.selectFirst("#preview .body");
        assertThat(shown.select("strong").text()).isEqualTo("bold");
        assertThat(shown.select("script")).isEmpty();
        assertThat(shown.text()).contains("<script>alert(1)</script>");
        assertThat(page.selectFirst("#f-title").val()).isEqualTo("Only a preview");

        assertThat(s.page(THREAD).select("#entry-preview-only")).isEmpty();
        assertThat(thread().getList("id")).doesNotContain("preview-only");
    }

    @Test
    void aResponseWithClaimsThenARebuttalAnsweringOneArePublishedCorrectedAndAudited() {
        EditorSession s = session();
        s.newEntry("acme-response", "response", "Acme disputes the letter")
                .formParam("organisation", "Acme")
                .formParam("body", "Acme says the letter is *wrong*.")
                .formParam("claimId", "acme-outdated", "acme-consent", "", "")
                .formParam("claimText", "The letter describes an outdated product.", "Users consented.", "", "")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(303)
                .header("Location", endsWith(THREAD + "?published=acme-response"));
        assertThat(s.page(THREAD + "?published=acme-response")
                        .selectFirst("#notice")
                        .text())
                .contains("acme-response");

        // the rebuttal's point picks the claim from the select, labelled by response title and claim text
        Document form = s.page(THREAD + "/new");
        Element option = form.select("#f-point-claim-1 option").stream()
                .filter(o -> o.text().equals("Acme disputes the letter — Users consented."))
                .findFirst()
                .orElseThrow();
        s.newEntry("rebuttal-acme", "rebuttal", "We answer Acme")
                .formParam("pointClaim", option.val(), "", "")
                .formParam("pointBody", "Consent was *never* asked.", "", "")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(303);
        JsonPath published = thread();
        assertThat(published.getString("find { it.id == 'rebuttal-acme' }.respondsTo"))
                .isEqualTo("acme-response");
        assertThat(published.getString("find { it.id == 'rebuttal-acme' }.points[0].claim"))
                .isEqualTo("acme-consent");
        assertThat(published.getList("find { it.id == 'acme-response' }.claims.id"))
                .containsExactly("acme-outdated", "acme-consent");

        // correcting starts from the current text
        Document correction = s.page(THREAD + "/rebuttal-acme/correct");
        assertThat(correction.selectFirst("#f-title").val()).isEqualTo("We answer Acme");
        assertThat(correction.selectFirst("#f-point-claim-1 option[selected]").val())
                .isEqualTo("acme-consent");
        assertThat(correction.selectFirst("#f-point-body-1").text()).isEqualTo("Consent was *never* asked.");
        assertThat(correction.select("table.revisions tbody tr")).hasSize(1);
        s.post()
                .formParam("kind", "rebuttal")
                .formParam("title", "We answer Acme, point by point")
                .formParam("date", "2026-08-02")
                .formParam("body", "Corrected summary.")
                .formParam("pointClaim", "acme-consent", "", "")
                .formParam("pointBody", "Consent was never asked, as the logs show.", "", "")
                .formParam("action", "publish")
                .post(THREAD + "/rebuttal-acme/correct")
                .then()
                .statusCode(303)
                .header("Location", endsWith(THREAD + "?corrected=rebuttal-acme&revision=2"));
        Document history = s.page(THREAD + "/rebuttal-acme/correct");
        assertThat(history.select("table.revisions tbody tr")).hasSize(2);
        assertThat(history.select("table.revisions code").eachText()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(thread().getString("find { it.id == 'rebuttal-acme' }.title"))
                .isEqualTo("We answer Acme, point by point");
        assertThat(s.page(THREAD).selectFirst("#entry-rebuttal-acme .status").text())
                .isEqualTo("revision 2");

        String audit = s.get("/organisers/audit?letter=" + LETTER).asString();
        assertThat(audit).contains("thread-publish").contains("thread-correct").contains("rebuttal-acme");
    }

    @Test
    void retractingNeedsAReasonThenMarksTheEntryRetracted() {
        EditorSession s = session();
        s.newEntry("statement-withdrawn", "statement", "A statement we withdraw")
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(303);
        assertThat(s.page(THREAD + "/statement-withdrawn/retract").select("textarea#f-reason[required]"))
                .hasSize(1);

        Response missing = s.post().formParam("reason", "  ").post(THREAD + "/statement-withdrawn/retract");
        missing.then().statusCode(400);
        Document refused = Jsoup.parse(missing.asString());
        assertThat(refused.selectFirst("#form-errors a[href=#f-reason]").text()).contains("why the entry is retracted");
        assertThat(refused.selectFirst("#f-reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(thread().getString("find { it.id == 'statement-withdrawn' }.retracted"))
                .isNull();

        s.post()
                .formParam("reason", "It named the wrong company.")
                .post(THREAD + "/statement-withdrawn/retract")
                .then()
                .statusCode(303)
                .header("Location", endsWith(THREAD + "?retracted=statement-withdrawn"));
        Document list = s.page(THREAD + "?retracted=statement-withdrawn");
        assertThat(list.selectFirst("#notice").text()).contains("statement-withdrawn is retracted");
        Element row = list.selectFirst("#entry-statement-withdrawn");
        assertThat(row.selectFirst(".status").text()).isEqualTo("revision 1, retracted");
        assertThat(row.select("a[href$=/retract]")).isEmpty();
        assertThat(thread().getString("find { it.id == 'statement-withdrawn' }.retracted.reason"))
                .isEqualTo("It named the wrong company.");
        assertThat(s.get("/organisers/audit?letter=" + LETTER + "&action=thread-retract")
                        .asString())
                .contains("statement-withdrawn");
    }

    @Test
    void anEntryWithoutATitleComesBackAs400WithTheFormAsTyped() {
        EditorSession s = session();
        Response bad = s.newEntry("untitled-entry", "response", "")
                .formParam("body", "A body worth keeping.")
                .formParam("claimId", "", "")
                .formParam("claimText", "A claim without an id.", "")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        bad.then().statusCode(400);
        Document page = Jsoup.parse(bad.asString());
        assertThat(page.select("#form-errors a").eachAttr("href")).containsExactly("#f-title", "#f-claim-id-1");
        assertThat(page.selectFirst("#form-errors").text())
                .contains("Give a title of at most 300 characters.")
                .contains("Every claim needs an id");
        assertThat(page.selectFirst("#f-title").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#f-id").val()).isEqualTo("untitled-entry");
        assertThat(page.selectFirst("#f-body").text()).isEqualTo("A body worth keeping.");
        assertThat(page.selectFirst("#f-claim-text-1").text()).isEqualTo("A claim without an id.");
        assertThat(page.select("[name=claimText]")).hasSize(4); // the typed row and three empty ones
        assertThat(thread().getList("id")).doesNotContain("untitled-entry");
    }

    @Test
    void aTakenIdComesBackAs409WithTheFormAsTyped() {
        EditorSession s = session();
        s.newEntry("taken-id", "statement", "First")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        Response again = s.newEntry("taken-id", "statement", "Second")
                .formParam("action", "publish")
                .post(THREAD + "/new");
        again.then().statusCode(409);
        Document page = Jsoup.parse(again.asString());
        assertThat(page.selectFirst("#form-errors a[href=#f-id]").text()).contains("already has an entry");
        assertThat(page.selectFirst("#f-title").val()).isEqualTo("Second");
    }

    @Test
    void theOriginalOfAResponseIsArchivedFromTheFormAndThePublishedEntryNamesTheCopy() {
        EditorSession s = session();
        String original = root + "letters/" + LETTER;
        Response archived = s.newEntry("archived-response", "response", "A response we keep")
                .formParam("url", original)
                .formParam("action", "archive")
                .post(THREAD + "/new");
        archived.then().statusCode(200);
        Document page = Jsoup.parse(archived.asString());
        String sha256 = page.selectFirst("#archived-notice code").text();
        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(page.selectFirst("#archived-notice a").attr("href"))
                .isEqualTo("/letters/" + LETTER + "/archive/" + sha256);
        assertThat(page.selectFirst("#f-archived").val()).isEqualTo(sha256);
        assertThat(page.selectFirst("#f-title").val()).isEqualTo("A response we keep");
        given().get("/letters/" + LETTER + "/archive/" + sha256).then().statusCode(200);

        s.newEntry("archived-response", "response", "A response we keep")
                .formParam("url", original)
                .formParam("archived", sha256)
                .formParam("action", "publish")
                .post(THREAD + "/new")
                .then()
                .statusCode(303);
        assertThat(thread().getString("find { it.id == 'archived-response' }.archived.sha256"))
                .isEqualTo(sha256);
        assertThat(s.get("/organisers/audit?letter=" + LETTER + "&action=thread-archive")
                        .asString())
                .contains(sha256.substring(0, 16));

        Response refused = s.newEntry("archived-response-2", "response", "Unreachable")
                .formParam("url", "http://10.20.30.40/post")
                .formParam("action", "archive")
                .post(THREAD + "/new");
        refused.then().statusCode(400);
        assertThat(Jsoup.parse(refused.asString())
                        .selectFirst("#form-errors a[href=#f-url]")
                        .text())
                .contains("could not be archived");
    }

    private EditorSession session() {
        String organiser = tokens.mint("bot:editor", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        return EditorSession.open(organiser, THREAD + "/new");
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }
}
