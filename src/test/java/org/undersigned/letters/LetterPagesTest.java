package org.undersigned.letters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LetterPagesTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void homeListsPublishedLettersWithStatusAndLatestVersion() {
        Document doc = page("/", 200);
        assertThat(doc.title()).isEqualTo("Open letters · Undersigned");
        assertThat(doc.select("main h2 a").eachAttr("href"))
                .contains("/letters/sample-letter", "/letters/closed-letter")
                .doesNotContain("/letters/draft-letter");
        String sample = doc.select("li:has(a[href=/letters/sample-letter])").text();
        assertThat(sample).contains("open").contains("version 3").contains("to Example Corp");
    }

    @Test
    void byDefaultEnglishAndFrenchAreOfferedAndTheBrowsersLanguageChoosesBetweenThem() {
        Document french = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5")
                .get("/")
                .asString());
        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Lettres ouvertes");
        assertThat(french.select("nav.languages a[hreflang=en]")).hasSize(1);
        Document other = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "de")
                .get("/")
                .asString());
        assertThat(other.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(other.selectFirst("h1").text()).isEqualTo("Open letters");
        given().redirects().follow(false).get("/language/de").then().statusCode(404);
    }

    @Test
    void letterPageShowsTheLatestVersionAndItsHash() {
        Document doc = page("/letters/sample-letter", 200);
        assertThat(doc.title()).isEqualTo("A sample letter for tests · Undersigned");
        assertThat(doc.select(".text").text()).contains("by June");
        assertThat(doc.select("#version-heading").text()).isEqualTo("Version 3");
        assertThat(doc.select("code.hash").text()).matches("[0-9a-f]{64}");
        assertThat(doc.select(".versions li")).hasSize(3);
        assertThat(doc.select(".versions a[href=/letters/sample-letter/diff/2..3]"))
                .hasSize(1);
        assertThat(doc.select(".notice")).isEmpty();
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
    }

    @Test
    void olderVersionPageSaysItIsNotTheCurrentText() {
        Document doc = page("/letters/sample-letter/v/1", 200);
        assertThat(doc.select(".text").text()).contains("recieved");
        assertThat(doc.select(".notice").text()).contains("version 1").contains("version 3");
        assertThat(doc.select(".notice a[href=/letters/sample-letter/diff/1..3]"))
                .hasSize(1);
    }

    @Test
    void diffPageMarksInsertedAndDeletedWords() {
        Document doc = page("/letters/sample-letter/diff/1..2", 200);
        assertThat(doc.select(".diff del").text()).isEqualTo("recieved");
        assertThat(doc.select(".diff ins").text()).isEqualTo("received");
        Document later = page("/letters/sample-letter/diff/2..3", 200);
        assertThat(later.select(".diff ins").eachText()).contains("by June");
    }

    @Test
    void aDiffIsComputedOnceAndThenServedFromTheCache() {
        String first =
                page("/letters/sample-letter/diff/3..1", 200).select(".diff").html();
        double computed = diffsComputed();
        for (int i = 0; i < 3; i++) {
            assertThat(page("/letters/sample-letter/diff/3..1", 200)
                            .select(".diff")
                            .html())
                    .isEqualTo(first);
        }
        assertThat(diffsComputed()).isEqualTo(computed);
        page("/letters/sample-letter/diff/3..2", 200);
        assertThat(diffsComputed()).isEqualTo(computed + 1);
    }

    @Test
    void aBadDiffRangeIsA404AndComputesNothing() {
        double computed = diffsComputed();
        for (String range : new String[] {"0..2", "1..4", "4..1", "1..999999", "1..9999999", "2..", "a..b", "1...2"}) {
            assertThat(page("/letters/sample-letter/diff/" + range, 404)
                            .select("main")
                            .text())
                    .as(range)
                    .contains("/letters/sample-letter/diff/1..3");
        }
        assertThat(diffsComputed()).isEqualTo(computed);
    }

    private double diffsComputed() {
        return metrics.counter("undersigned.letters.diffs.computed").count();
    }

    @Test
    void unknownLetterGetsAFriendly404Page() {
        Document doc = page("/letters/no-such-letter", 404);
        assertThat(doc.title()).isEqualTo("Not Found · Undersigned");
        assertThat(doc.select("main").text()).contains("There is no published letter called 'no-such-letter'.");
        assertThat(doc.select("main a[href=/]")).hasSize(1);
    }

    @Test
    void unknownVersionAndBadDiffRangeGetFriendly404Pages() {
        assertThat(page("/letters/sample-letter/v/4", 404).select("main").text())
                .contains("has no version 4")
                .contains("versions 1 to 3");
        assertThat(page("/letters/sample-letter/v/latest", 404).select("main").text())
                .contains("has no version");
        assertThat(page("/letters/sample-letter/diff/1..9", 404).select("main").text())
                .contains("versions 1 to 3");
        assertThat(page("/letters/sample-letter/diff/one-two", 404)
                        .select("main")
                        .text())
                .contains("not a pair of versions");
        assertThat(page("/letters/draft-letter", 404).select("main").text()).contains("no published letter");
        assertThat(page("/no/such/page", 404).title()).isEqualTo("Not Found · Undersigned");
    }

    @Test
    void hostileLetterRendersInertInThePage() {
        Document doc = page("/letters/hostile-markdown", 200);
        MarkdownTest.assertInert(Jsoup.parseBodyFragment(doc.select(".text").html()));
        assertThat(doc.select(".text").text()).contains("<script>alert('script tag')</script>");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        given().get("/letters/sample-letter")
                .then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/letters/no-such-letter")
                .then()
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/letters/sample-letter")
                .then()
                .header("Content-Security-Policy", containsString("connect-src 'self';"));
    }

    @Test
    void onlyTheVerifyPageMayAskWitnessesElsewhere() {
        given().get("/letters/sample-letter/verify")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' https: http:;"))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    @Test
    void stylesheetIsServed() {
        given().get("/css/site.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    private static Document page(String path, int status) {
        String html = given().accept("text/html")
                .get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        return Jsoup.parse(html);
    }
}
