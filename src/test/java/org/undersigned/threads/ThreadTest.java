package org.undersigned.threads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;
import org.w3c.dom.NodeList;

/** The thread through its public contract: API, page anchors, Atom feed, organiser publishing, news mails, badge. */
@QuarkusTest
class ThreadTest {

    static final String LETTER = "thread-letter";
    static final String ATOM = "http://www.w3.org/2005/Atom";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @Inject
    ContentSync content;

    @Test
    void theApiGivesEveryEntryWithClaimsPointsAsHtmlAndRevisions() {
        JsonPath thread = given().get("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(thread.getList("entries.id")).startsWith("study", "response", "rebuttal");
        assertThat(thread.getString("entries[1].kind")).isEqualTo("response");
        assertThat(thread.getString("entries[1].organisation")).isEqualTo("Example Corp");
        assertThat(thread.getString("entries[1].date")).isEqualTo("2026-05-10");
        assertThat(thread.getString("entries[1].url")).isEqualTo("https://example.com/blog/response");
        assertThat(thread.getString("entries[1].archived.sha256")).hasSize(64);
        assertThat(thread.getString("entries[1].archived.retrieved")).isEqualTo("2026-05-11");
        assertThat(thread.getString("entries[1].respondsTo")).isEqualTo("study");
        assertThat(thread.getList("entries[1].claims.id"))
                .containsExactly("response-old-version", "response-own-tests");
        assertThat(thread.getString("entries[2].points[0].claim")).isEqualTo("response-old-version");
        assertThat(thread.getString("entries[2].points[0].html")).contains("<strong>sold to customers</strong>");
        assertThat(thread.getInt("entries[0].revisions.size()")).isEqualTo(1);
        given().get("/api/letters/no-such-letter/thread").then().statusCode(404);
    }

    @Test
    void everyClaimHasAnAnchorAndEveryAnswerLinkLeadsToAPointOnThePage() {
        Document page = Jsoup.parse(given().accept("text/html")
                .get("/letters/" + LETTER + "/thread")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Set<String> ids = new HashSet<>();
        page.select("[id]").forEach(e -> ids.add(e.id()));
        assertThat(ids).contains("study-gap", "study-no-fix", "response-old-version", "response-own-tests");
        List<Element> answerLinks = page.select(".claim .answer a");
        assertThat(answerLinks).isNotEmpty();
        for (Element a : answerLinks) {
            assertThat(ids).as(a.attr("href")).contains(a.attr("href").substring(1));
        }
        assertThat(page.select("#study-gap .answer a").attr("href")).isEqualTo("#response--study-gap");
        assertThat(page.select("#response-old-version .answer a").attr("href"))
                .isEqualTo("#rebuttal--response-old-version");
        assertThat(page.select("#study-no-fix .unanswered").text()).isEqualTo("No answer yet.");
        assertThat(page.select("#response-own-tests .unanswered")).hasSize(1);
        assertThat(page.select("#rebuttal--response-old-version a[href=#response-old-version]"))
                .hasSize(1);
        assertThat(page.select("a.permalink[href=#study-gap]")).hasSize(1);
    }

    @Test
    void theAtomFeedIsValidAndHasTheVersionsAndTheThreadEntries() throws Exception {
        byte[] xml = given().get("/letters/" + LETTER + "/feed.atom")
                .then()
                .statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .extract()
                .asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        org.w3c.dom.Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(root, required)).as(required).isNotEmpty();
        }
        List<org.w3c.dom.Element> entries = children(root, "entry");
        List<String> entryIds = entries.stream()
                .map(e -> children(e, "id").get(0).getTextContent())
                .toList();
        assertThat(entryIds)
                .anyMatch(id -> id.endsWith("/letters/" + LETTER + "/v/1"))
                .anyMatch(id -> id.endsWith("/letters/" + LETTER + "/thread#rebuttal"));
        for (org.w3c.dom.Element e : entries) {
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(children(e, required)).as(required + " of an entry").isNotEmpty();
            }
            assertThat(OffsetDateTime.parse(children(e, "updated").get(0).getTextContent()))
                    .isNotNull();
        }
    }

    @Test
    void anOrganiserPublishesCorrectsAndRetractsAndOptedInSignersAreMailed() throws Exception {
        String keen = Signing.address("keen", "example.org");
        String quiet = Signing.address("quiet", "example.org");
        String leaving = Signing.address("leaving", "example.org");
        Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Kim Keen", "email", keen, "listing", "public", "notify", "true"));
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "Quinn Quiet", "email", quiet, "listing", "public"));
        Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Lee Leaving", "email", leaving, "listing", "public", "notify", "true"));
        // the one who leaves unsubscribes through the link of a first news mail
        String organiser = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        publish(organiser, "statement-one", "statement", "A first statement", Map.of());
        String unsubscribe = Mailbox.link(Mailbox.await(mail, leaving, 3), "/unsubscribe/");
        given().accept("text/html").get(unsubscribe).then().statusCode(200).body(containsString("Stop the mails"));
        FormSession.open(unsubscribe)
                .post()
                .post(unsubscribe)
                .then()
                .statusCode(200)
                .body(containsString("no more news"));
        given().accept("text/html")
                .get(unsubscribe.substring(0, unsubscribe.length() - 3) + "AAA")
                .then()
                .statusCode(404);

        publish(organiser, "response-two", "response", "Example Corp answers again", Map.of("respondsTo", "rebuttal"));
        var news = Mailbox.await(mail, keen, 4);
        assertThat(Mailbox.subject(news)).contains("Example Corp answers again");
        assertThat(Mailbox.body(news))
                .contains("/letters/" + LETTER + "/thread#response-two")
                .contains("/unsubscribe/");
        String listUnsubscribe = news.getHeader("List-Unsubscribe")[0];
        assertThat(news.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Mailbox.sleep(2500); // a campaign runs every second in tests: give a wrong mail time to arrive
        assertThat(Mailbox.to(mail, quiet)).hasSize(2); // confirmation and receipt only
        assertThat(Mailbox.to(mail, leaving)).hasSize(3); // nothing after unsubscribing

        // a point must answer a claim of the entry it responds to
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "bad",
                        "kind",
                        "rebuttal",
                        "title",
                        "Bad",
                        "date",
                        "2026-06-01",
                        "body",
                        "x",
                        "respondsTo",
                        "study",
                        "points",
                        List.of(Map.of("claim", "response-own-tests", "body", "No."))))
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(400)
                .body("errors.points", containsString("which 'study' does not make"));

        // a correction is a new revision, the old one kept; a retraction keeps the entry, marked
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "response-two",
                        "kind",
                        "response",
                        "title",
                        "Example Corp answers again (corrected)",
                        "date",
                        "2026-06-01",
                        "organisation",
                        "Example Corp",
                        "body",
                        "Corrected summary.",
                        "respondsTo",
                        "rebuttal"))
                .put("/api/letters/" + LETTER + "/thread/response-two")
                .then()
                .statusCode(200)
                .body("revisions.size()", equalTo(2))
                .body("title", equalTo("Example Corp answers again (corrected)"));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Posted by mistake."))
                .post("/api/letters/" + LETTER + "/thread/statement-one/retract")
                .then()
                .statusCode(200);
        JsonPath thread = given().get("/api/letters/" + LETTER + "/thread")
                .then()
                .extract()
                .jsonPath();
        assertThat(thread.getString("entries.find { it.id == 'statement-one' }.retracted.reason"))
                .isEqualTo("Posted by mistake.");
        assertThat(thread.getString("entries.find { it.id == 'response-two' }.html"))
                .contains("Corrected summary.");
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "x"))
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(401);

        // a mail client's one-click unsubscribe (RFC 8058): a bare POST to the List-Unsubscribe URL
        String oneClick =
                listUnsubscribe.substring(listUnsubscribe.indexOf("/unsubscribe/"), listUnsubscribe.length() - 1);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(oneClick)
                .then()
                .statusCode(200);
        publish(organiser, "response-three", "response", "A third answer", Map.of("respondsTo", "rebuttal"));
        Mailbox.sleep(2500);
        assertThat(Mailbox.to(mail, keen)).hasSize(4);
    }

    @Test
    void aNewVersionIsNewsForSignersWhoAskedForIt() throws Exception {
        String keen = Signing.address("version-keen", "example.org");
        Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Vera Version", "email", keen, "listing", "private", "notify", "true"));
        Files.writeString(Path.of("target/test-content/letters", LETTER, "v2.md"), """
                ---
                version: 2
                published: 2026-07-02T10:00:00Z
                changes: Fixes a typo.
                carries_signatures: true
                ---
                # Thread letter

                We ask Example Corp to publish the benchmark behind its accuracy claims.
                """);
        content.sync();
        var news = Mailbox.await(mail, keen, 3);
        assertThat(Mailbox.subject(news)).contains("Version 2");
        assertThat(Mailbox.body(news)).contains("/letters/" + LETTER + "/v/2");
    }

    @Test
    void theBadgeShowsTheVerifiedCount() throws Exception {
        long total = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getLong("total");
        String svg = given().get("/letters/" + LETTER + "/badge.svg")
                .then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .header("Access-Control-Allow-Origin", "*")
                .extract()
                .asString();
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).contains("verified signatures: " + String.format(Locale.ROOT, "%,d", total));
    }

    private void publish(String organiser, String id, String kind, String title, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id",
                id,
                "kind",
                kind,
                "title",
                title,
                "date",
                "2026-06-01",
                "organisation",
                "Example Corp",
                "body",
                "A summary in our words."));
        body.putAll(extra);
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        List<org.w3c.dom.Element> direct = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                direct.add((org.w3c.dom.Element) nodes.item(i));
            }
        }
        return direct;
    }
}
