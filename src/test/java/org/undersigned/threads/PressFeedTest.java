package org.undersigned.threads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The press's way in: one feed of every letter's news, and a page saying how to check a count, with the commands. */
@QuarkusTest
class PressFeedTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void oneFeedCarriesTheNewsOfEveryLetterEachTitleNamingItsLetter() {
        String xml = given().get("/feed.atom")
                .then()
                .statusCode(200)
                .contentType("application/atom+xml")
                .extract()
                .asString();
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(feed.select("feed > id").text()).isEqualTo(root + "feed.atom");
        assertThat(feed.select("entry > title").eachText())
                .contains(
                        "A letter whose signers get every kind of mail: Version 1: First publication.",
                        "A letter whose count history is checked against its log: Version 1: First publication.");
        assertThat(feed.select("entry > id").eachText())
                .contains(root + "letters/mail-letter/v/1", root + "letters/history-letter/v/1")
                .doesNotHaveDuplicates();
        assertThat(feed.select("entry")).hasSizeLessThanOrEqualTo(LetterFeeds.ALL);
    }

    @Test
    void thePressPageGivesTheCommandsForThisServiceAndEveryLettersLinks() {
        Document page = Jsoup.parse(
                given().get("/press").then().statusCode(200).extract().asString());
        String base = root.toString().replaceAll("/$", "");
        assertThat(page.select("pre code").eachText())
                .contains(
                        "java verify/Verify.java " + base + " <letter>",
                        "java verify/Verify.java --history " + base + " <letter>");
        assertThat(page.select("a[href=/api/letters/mail-letter/history.csv]")).hasSize(1);
        assertThat(page.select("a[href=/feed.atom]")).hasSize(1);
        assertThat(Jsoup.parse(given().get("/").asString()).select("header a[href=/press]"))
                .hasSize(1);
    }
}
