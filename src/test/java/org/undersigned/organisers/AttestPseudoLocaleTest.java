package org.undersigned.organisers;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.PseudoText;
import org.undersigned.support.Signing;
import org.undersigned.web.AttestMessages;
import org.undersigned.web.PseudoLocaleTest;

/**
 * No string left behind on the attestation and comment pages: in the pseudo-locale, every word of theirs, error
 * messages included, is a message; names, organisations, comments and statements are marked as not translated.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class AttestPseudoLocaleTest {

    static final String BASE = "/organisers/letters/" + AttestPagesTest.LETTER;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @Test
    void theAttestBundleHasEveryMessageWrapped() throws Exception {
        PseudoText.assertWrapped(AttestMessages.class, "/messages/attest_qps.properties");
    }

    @Test
    void theFrenchBundleHasEveryMessage() throws Exception {
        Properties french = new Properties();
        try (InputStream in = AttestMessages.class.getResourceAsStream("/messages/attest_fr.properties")) {
            french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(french.stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AttestMessages.class.getDeclaredMethods())
                        .map(Method::getName)
                        .toList());
        assertThat(french.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    @Test
    void theAttestationAndCommentPagesHaveNoTextOutsideMessages() {
        String id = Signing.signAndConfirm(
                mail,
                AttestPagesTest.LETTER,
                Map.of(
                        "name", "Pseudo Signer",
                        "email", Signing.address("pseudo", "example.org"),
                        "organisation", "MIT",
                        "role", "Professor",
                        "listing", "private",
                        "comment", "A comment in the signer's own words."));
        Signing.signAndConfirm(
                mail,
                AttestPagesTest.LETTER,
                Map.of(
                        "name", "Pseudo Second",
                        "email", Signing.address("pseudo", "example.org"),
                        "listing", "public",
                        "comment", "Another comment."));
        ConsoleClient console = new ConsoleClient(
                tokens.mint("bot:attest", OrganiserTokens.ORGANISER, List.of(AttestPagesTest.LETTER), null)
                        .token(),
                "qps");
        String page = BASE + "/signatures/" + id;
        console.submit(page, page + "/affiliation", Map.of("organisation", "Massachusetts Institute of Technology"))
                .then()
                .statusCode(303);

        Document attested = console.page(page + "?attested=affiliation", 200);
        assertThat(attested.selectFirst("html").attr("lang")).isEqualTo("qps");
        assertThat(attested.select("article.statement")).isNotEmpty();
        assertNoTextOutsideMessages(page, attested);

        Document list = console.page(BASE + "/signatures?q=pseudo&limit=1", 200);
        assertThat(list.select("#next")).isNotEmpty();
        assertNoTextOutsideMessages("list", list);
        assertNoTextOutsideMessages(
                "second page", console.page(list.selectFirst("#next").attr("href"), 200));
        assertNoTextOutsideMessages("short search", console.page(BASE + "/signatures?q=ps", 400));

        Document notLaureate =
                html(console.submit(page, page + "/honour", Map.of("honour", "turing-award", "year", "1999")), 400);
        assertThat(notLaureate.select("#form-errors li")).hasSize(1);
        assertNoTextOutsideMessages("not a laureate", notLaureate);
        Document wrong = html(console.submit(page, page + "/honour", Map.of("honour", "none", "year", "soon")), 400);
        assertThat(wrong.select("#form-errors li")).hasSize(2);
        assertNoTextOutsideMessages("bad honour and year", wrong);
        assertNoTextOutsideMessages(
                "not stated", html(console.submit(page, page + "/affiliation", Map.of("organisation", "Apple")), 400));
        assertNoTextOutsideMessages(
                "unknown organisation",
                html(console.submit(page, page + "/affiliation", Map.of("organisation", "Nowhere")), 400));

        Document comments = console.page(BASE + "/comments?limit=1", 200);
        assertThat(comments.select("blockquote.comment")).hasSize(1);
        assertNoTextOutsideMessages("comments", comments);
        assertNoTextOutsideMessages(
                "older comments", console.page(comments.selectFirst("#older").attr("href"), 200));
        assertNoTextOutsideMessages("bad cursor", console.page(BASE + "/comments?after=x", 400));
    }

    private static void assertNoTextOutsideMessages(String what, Document doc) {
        assertThat(PseudoText.outsideMessages(doc.select("body"))).as(what).isEmpty();
    }

    private static Document html(io.restassured.response.Response response, int status) {
        return Jsoup.parse(response.then().statusCode(status).extract().asString());
    }
}
