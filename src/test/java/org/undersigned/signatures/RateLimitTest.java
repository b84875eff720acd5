package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;

/** Small limits, and 127.0.0.1 as a trusted proxy so each test can pose as its own client network. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.rate-limit.network-signs",
                    "3",
                    "undersigned.rate-limit.email-signs",
                    "2",
                    "undersigned.rate-limit.domain-signs",
                    "12",
                    "undersigned.rate-limit.period",
                    "10m",
                    "undersigned.trusted-proxies",
                    "127.0.0.1");
        }
    }

    @Test
    void aNetworkIsLimitedAndToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            sign("198.51.100.7", SigningFlowTest.unique("net" + i)).then().statusCode(202);
        }
        sign("198.51.100.7", SigningFlowTest.unique("net4"))
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("try again"));
        // another network is not affected
        sign("198.51.100.8", SigningFlowTest.unique("other")).then().statusCode(202);
    }

    @Test
    void anEmailAddressIsLimitedWhicheverNetworkItComesFrom() {
        String email = SigningFlowTest.unique("same");
        sign("203.0.113.1", email).then().statusCode(202);
        sign("203.0.113.2", email.toUpperCase()).then().statusCode(202);
        sign("203.0.113.3", email).then().statusCode(429);
    }

    @Test
    void theFormGetsAHumanPageWithRetryAfter() {
        FormSession session = FormSession.open("/letters/sample-letter");
        for (int i = 0; i < 3; i++) {
            session.post()
                    .header("X-Forwarded-For", "192.0.2.44")
                    .formParam("name", "Form " + i)
                    .formParam("email", SigningFlowTest.unique("f" + i))
                    .formParam("listing", "public")
                    .post("/letters/sample-letter/sign")
                    .then()
                    .statusCode(200);
        }
        session.post()
                .header("X-Forwarded-For", "192.0.2.44")
                .formParam("name", "Form 4")
                .formParam("email", SigningFlowTest.unique("f4"))
                .formParam("listing", "public")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .header("Retry-After", notNullValue())
                .body(containsString("Too Many Requests"))
                .body(containsString("nothing is lost"));
    }

    @Test
    void aMailDomainIsLimitedWhateverAddressesItMintsButSharedWebmailIsNot() {
        String domain = "catchall-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 12; i++) {
            sign("198.18.0." + (i + 1), "minted" + i + "@" + domain).then().statusCode(202);
        }
        sign("198.18.0.13", "minted12@" + domain).then().statusCode(429).header("Retry-After", notNullValue());
        sign("198.18.0.14", "another" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain)
                .then()
                .statusCode(429);
        // a shared webmail domain is many people, not one inbox: no domain limit there
        for (int i = 0; i < 14; i++) {
            sign(
                            "198.18.1." + (i + 1),
                            "webmail" + i + UUID.randomUUID().toString().substring(0, 6) + "@gmail.com")
                    .then()
                    .statusCode(202);
        }
    }

    private static Response sign(String client, String email) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Limited Person", "email", email, "listing", "public"))
                .post("/api/letters/sample-letter/signatures");
    }
}
