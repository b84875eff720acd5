package org.undersigned.letters;

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
 * With pages served without a recheck for a while (as in production), a letter's page read again is answered from
 * the shared rendering by LetterPageRoute: the same page, in the reader's language, with each visitor's own CSRF token
 * in its forms and cookie.
 */
@QuarkusTest
@TestProfile(LetterPageRouteTest.Unchecked.class)
class LetterPageRouteTest {

    public static class Unchecked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.page.recheck", "1m", "undersigned.languages", "en,fr");
        }
    }

    private static final String PAGE = "/letters/sample-letter";

    @Test
    void aRepeatedPageIsTheSamePageWithEachVisitorsOwnToken() {
        // a letter no other test here reads: the first answer is rendered by the resource, the second by the route
        String page = "/letters/home-letter";
        Response first = given().accept("text/html").get(page);
        Response again = given().accept("text/html").get(page);
        for (Response r : new Response[] {first, again}) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/html;charset=UTF-8");
            for (String header : new String[] {
                "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"
            }) {
                assertThat(r.header(header))
                        .as(header)
                        .isEqualTo(first.header(header))
                        .isNotNull();
            }
            assertThat(token(r)).isEqualTo(r.getCookie("csrf")).hasSize(43);
        }
        assertThat(token(again)).isNotEqualTo(token(first));
        assertThat(again.asString().replace(token(again), "T"))
                .isEqualTo(first.asString().replace(token(first), "T"));
    }

    @Test
    void aVisitorWithACookieGetsTheirTokenInTheForm() {
        given().get(PAGE).then().statusCode(200);
        String mine = "A".repeat(43);
        Response page = given().cookie("csrf", mine).get(PAGE);
        assertThat(token(page)).isEqualTo(mine);
        assertThat(page.getCookie("csrf")).isNull();
    }

    @Test
    void eachLanguageGetsItsOwnRendering() {
        given().header("Accept-Language", "en").get(PAGE).then().statusCode(200);
        Document french =
                Jsoup.parse(given().header("Accept-Language", "fr").get(PAGE).asString());
        Document english =
                Jsoup.parse(given().header("Accept-Language", "en").get(PAGE).asString());
        assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void anUnreadableRequestIsRefusedEvenWhenThePageIsAtHand() {
        given().get(PAGE).then().statusCode(200);
        given().header("Accept", "a page please").get(PAGE).then().statusCode(400);
    }

    @Test
    void anUnknownLetterIsStillNotFound() {
        given().get("/letters/no-such-letter").then().statusCode(404);
    }

    private static String token(Response page) {
        return Jsoup.parse(page.asString()).select("input[name=csrf]").first().attr("value");
    }
}
