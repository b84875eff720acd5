package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;

/**
 * The comments signers leave when signing reach the letter's organisers, newest first a page at a time, escaped and
 * marked as the signers' own words; no one else, and no public page or API, ever sees them.
 */
@QuarkusTest
class CommentPagesTest {

    static final String LETTER = AttestPagesTest.LETTER;
    static final String PAGE = "/organisers/letters/" + LETTER + "/comments";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @Test
    void organisersReadCommentsNewestFirstAPageAtATimeEscaped() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Signing.signAndConfirm(
                    mail,
                    LETTER,
                    Map.of(
                            "name",
                            "Commenter " + i,
                            "email",
                            Signing.address("commenter", "example.org"),
                            "listing",
                            i == 0 ? "private" : "public",
                            "comment",
                            "Note " + mark + " #" + i + " <b>bold</b> & \"quoted\"")));
        }
        String silent = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Silent Signer",
                        "email",
                        Signing.address("silent", "example.org"),
                        "listing",
                        "public"));
        ConsoleClient console = organiser();

        // the newest two first, then the oldest; the signer without a comment is not there
        List<String> shown = new ArrayList<>();
        Document first = console.page(PAGE + "?limit=2", 200);
        assertThat(first.select("ol.comments > li")).hasSize(2);
        first.select("ol.comments > li").forEach(li -> shown.add(li.id().substring(2)));
        assertThat(shown).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.selectFirst("#newest")).isNull();
        Document second = console.page(first.selectFirst("#older").attr("href"), 200);
        Element oldest = second.selectFirst("#c-" + ids.get(0));
        assertThat(oldest).isNotNull();
        assertThat(second.selectFirst("#newest")).isNotNull();
        assertThat(second.select("#c-" + silent)).isEmpty();

        // the name as signed, private, the comment as written: escaped, and marked as not to be translated
        assertThat(oldest.select(".who").text()).isEqualTo("Commenter 0");
        assertThat(oldest.select(".listing").text()).isEqualTo("private");
        assertThat(oldest.select("time").attr("datetime")).isNotEmpty();
        Element comment = oldest.selectFirst("blockquote.comment[translate=no]");
        assertThat(comment.text()).isEqualTo("Note " + mark + " #0 <b>bold</b> & \"quoted\"");
        assertThat(comment.select("b")).isEmpty();
        String raw = console.get(PAGE + "?limit=100").asString();
        assertThat(raw).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");

        console.page(PAGE + "?after=abc", 400);
        console.page(PAGE + "?after=-5", 400);
        console.page(PAGE + "?limit=x", 400);
    }

    @Test
    void noOneButTheLettersOrganisersAndNoPublicPageSeesAComment() {
        String mark = "Private remark " + UUID.randomUUID().toString().substring(0, 8);
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Public Commenter",
                        "email",
                        Signing.address("remark", "example.org"),
                        "listing",
                        "public",
                        "comment",
                        mark));
        assertThat(organiser().get(PAGE).asString()).contains(mark);

        given().accept("text/html").get(PAGE).then().statusCode(401);
        new ConsoleClient(tokens.mint("bot:comments-other", OrganiserTokens.ORGANISER, List.of("bulk-letter"), null)
                        .token())
                .get(PAGE)
                .then()
                .statusCode(403);

        for (String path : List.of(
                "/letters/" + LETTER,
                "/letters/" + LETTER + "/signatories",
                "/letters/" + LETTER + "/signatories.csv",
                "/api/letters/" + LETTER + "/signatories?limit=200",
                "/api/signatures/" + id,
                "/api/signatures/" + id + "/attestations",
                "/api/signatures/" + id + "/credentials")) {
            assertThat(given().get(path).then().statusCode(200).extract().asString())
                    .as(path)
                    .doesNotContain(mark);
        }
        // the signer is there, only the comment is not
        assertThat(given().get("/api/letters/" + LETTER + "/signatories?limit=200")
                        .jsonPath()
                        .getList("items.id"))
                .contains(id);
    }

    private ConsoleClient organiser() {
        return new ConsoleClient(tokens.mint("bot:attest", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token());
    }
}
