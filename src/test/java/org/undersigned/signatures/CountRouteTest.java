package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With counts cached (as in production), the count read again within the cache time is answered from the last reply
 * by CountRoute: the same bytes and headers as the resource's answer; a conditional or unknown request still gets the
 * resource's answer.
 */
@QuarkusTest
@TestProfile(CountRouteTest.CachedCounts.class)
class CountRouteTest {

    public static class CachedCounts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.count.cache", "1m");
        }
    }

    private static final String COUNT = "/api/letters/sample-letter/count";
    private static final List<String> HEADERS = List.of(
            "Content-Type",
            "ETag",
            "Cache-Control",
            "Access-Control-Allow-Origin",
            "Access-Control-Expose-Headers",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "X-Frame-Options",
            "Permissions-Policy");

    @Test
    void aRepeatedCountGetsTheSameBytesAndHeadersAsTheFirst() {
        // a letter no other test here reads: the first answer is the resource's, the second the route's
        String count = "/api/letters/home-letter/count";
        Response first = given().get(count);
        Response again = given().get(count);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        for (String header : HEADERS) {
            assertThat(again.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
        }
        assertThat(first.jsonPath().getString("letter")).isEqualTo("home-letter");
    }

    @Test
    void aConditionalCountWithTheCurrentTagIsNotModified() {
        String tag = given().get(COUNT).header("ETag");
        given().header("If-None-Match", tag).get(COUNT).then().statusCode(304).header("ETag", tag);
        given().header("If-None-Match", "\"other\"").get(COUNT).then().statusCode(200);
    }

    @Test
    void anUnreadableRequestIsRefusedEvenWhenTheReplyIsAtHand() {
        given().get(COUNT).then().statusCode(200);
        given().header("Accept", "json please").get(COUNT).then().statusCode(400);
        given().urlEncodingEnabled(false).get(COUNT + "?x=%00").then().statusCode(400);
    }

    @Test
    void anUnknownLetterIsStillNotFound() {
        given().get("/api/letters/no-such-letter/count").then().statusCode(404);
        given().get("/api/letters/no-such-letter/count").then().statusCode(404);
    }
}
