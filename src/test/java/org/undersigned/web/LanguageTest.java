package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * With English and French offered: the browser's Accept-Language picks the language, the switcher's choice (a cookie)
 * wins over it, {@code <html lang>} follows, and the switcher goes back only to a page of this site.
 */
@QuarkusTest
@TestProfile(LanguageTest.EnglishAndFrench.class)
class LanguageTest {

    public static class EnglishAndFrench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.languages", "en,fr");
        }
    }

    @Test
    void theBrowsersLanguageIsUsedWhenOffered() {
        Document french = home(Map.of("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8"));
        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Lettres ouvertes");
        assertThat(french.select("header nav").first().text()).contains("Lettres");
        assertThat(french.select("nav.languages [aria-current]").text()).isEqualTo("français");
        assertThat(french.select("nav.languages a").attr("href")).isEqualTo("/language/en?back=%2F");

        Document english = home(Map.of("Accept-Language", "de, en;q=0.5"));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Open letters");

        for (String malformed : new String[] {"!!! not a header", "-", "en,-", "-;q=0.5", "fr;q="}) {
            assertThat(home(Map.of("Accept-Language", malformed))
                            .selectFirst("html")
                            .attr("lang"))
                    .as(malformed)
                    .isEqualTo("en");
        }
    }

    @Test
    void theSwitchersChoiceIsRememberedAndWinsOverTheBrowser() {
        Response switched = given().redirects().follow(false).get("/language/fr?back=/letters/sample-letter");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/letters/sample-letter");
        assertThat(switched.getDetailedCookie(Languages.COOKIE).getValue()).isEqualTo("fr");
        assertThat(switched.getDetailedCookie(Languages.COOKIE).getSameSite()).isEqualTo("Lax");

        Document page = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "en")
                .cookie(Languages.COOKIE, "fr")
                .get("/")
                .asString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Lettres ouvertes");

        Document unknownCookie = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "en")
                .cookie(Languages.COOKIE, "xx")
                .get("/")
                .asString());
        assertThat(unknownCookie.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aLetterPageRenderedOnceForEveryReaderIsRenderedOncePerLanguage() {
        Document french = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "fr")
                .get("/letters/sample-letter")
                .asString());
        Document english = Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "en")
                .get("/letters/sample-letter")
                .asString());
        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("header nav").first().text()).contains("Letters");
    }

    @Test
    void theSwitcherGoesBackOnlyToAPageOfThisSite() {
        for (String away : new String[] {
            "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x", "/a^b{c}|<d>"
        }) {
            Response r =
                    given().redirects().follow(false).queryParam("back", away).get("/language/fr");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.header("Location")).as(away).matches("https?://[^/]+/");
        }
        given().redirects().follow(false).get("/language/xx").then().statusCode(404);
    }

    private static Document home(Map<String, String> headers) {
        return Jsoup.parse(given().accept("text/html")
                .headers(headers)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
