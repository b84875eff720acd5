package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/**
 * A valid sign-up of a letter known open is answered by SignRoute, without the resource layer, with the resource's
 * answer and effects: the same receipt and headers, the mail in the signer's language, a repeat handed to the general
 * path. Anything else goes on to the resource with the body the route read, and is answered in its words. Limits are
 * off here (the route then never leaves the I/O thread); RateLimitTest has them on.
 */
@QuarkusTest
@TestProfile(SignRouteTest.LimitsOff.class)
class SignRouteTest {

    public static class LimitsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.rate-limit.enabled", "false",
                    "undersigned.letters.cache", "1m",
                    "undersigned.languages", "en,fr");
        }
    }

    private static final String LETTER = "sample-letter";
    private static final String SIGN = "/api/letters/" + LETTER + "/signatures";
    private static final List<String> HEADERS = List.of(
            "Content-Type",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "X-Frame-Options",
            "Permissions-Policy");

    @MailServer.Inject
    GreenMail mail;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void letterKnownOpen() {
        // a sign-up the route leaves to the resource (it only takes a plain Accept) loads the letter
        resourceSignUp(Signing.address("loader", "example.org")).then().statusCode(202);
    }

    @Test
    void aSignUpIsAnsweredByTheRouteWithTheResourcesReceiptAndHeaders() {
        double before = early();
        Response routed = signUp(given(), Signing.address("routed", "example.org"));
        Response resource = resourceSignUp(Signing.address("resource", "example.org"));
        assertThat(early()).isEqualTo(before + 1);

        assertThat(routed.statusCode()).isEqualTo(202);
        assertThat(resource.statusCode()).isEqualTo(202);
        assertThat(routed.jsonPath().getMap("")).containsOnlyKeys("id", "status");
        assertThat(routed.jsonPath().getString("status")).isEqualTo("pending-email");
        assertThat(routed.jsonPath().getMap("").keySet())
                .containsExactlyElementsOf(resource.jsonPath().getMap("").keySet());
        for (String header : HEADERS) {
            assertThat(routed.header(header)).as(header).isNotNull().isEqualTo(resource.header(header));
        }
    }

    @Test
    void theRoutedSignUpIsStoredPendingAndItsMailIsInTheSignersLanguage() {
        String email = Signing.address("francoise", "example.org");
        double before = early();
        String id = signUp(given().header("Accept-Language", "fr"), email)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        assertThat(early()).isEqualTo(before + 1);
        given().get("/api/signatures/" + id).then().statusCode(200);

        var confirmation = Mailbox.await(mail, email, 1);
        assertThat(Mailbox.subject(confirmation)).startsWith("Confirmez votre signature : ");
        String confirm = Mailbox.link(confirmation, "/confirm/");
        FormSession.open(confirm).post().post(confirm).then().statusCode(200);
        assertThat(given().get("/api/signatures/" + id).jsonPath().getString("status"))
                .isEqualTo("confirmed");
    }

    @Test
    void aRepeatThroughTheRouteResendsTheLinkAndReadsLikeAFirstSignUp() {
        String email = Signing.address("twice", "example.org");
        double before = early();
        String first = signUp(given(), email)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        Response again = signUp(given(), email);
        assertThat(early()).isEqualTo(before + 2);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.jsonPath().getString("status")).isEqualTo("pending-email");
        assertThat(again.jsonPath().getString("id")).isNotEqualTo(first);
        Mailbox.await(mail, email, 2); // the pending link, sent again
    }

    @Test
    void aSignUpToCorrectReachesTheResourceWithItsBodyAndGetsItsWords() {
        double before = early();
        signUp(given(), Map.of("email", "nobody at example.org", "listing", "everywhere"))
                .then()
                .statusCode(400)
                .body("errors.name", equalTo("Please give your name as it should appear."))
                .body("errors.listing", notNullValue())
                .body("errors.email", notNullValue());
        String broken = "{\"name\": \"Ada\",\n \"email\": ";
        Response routed = given().contentType("application/json").body(broken).post(SIGN);
        Response resource = given().accept("application/*")
                .contentType("application/json")
                .body(broken)
                .post(SIGN);
        assertThat(routed.statusCode()).isEqualTo(400);
        assertThat(routed.contentType()).isEqualTo("application/problem+json");
        assertThat(routed.jsonPath().getString("detail"))
                .isNotBlank()
                .isEqualTo(resource.jsonPath().getString("detail"));
        assertThat(early()).isEqualTo(before);
    }

    @Test
    void closedAndUnknownLettersAreTheResourcesToRefuse() {
        Map<String, String> body =
                Map.of("name", "Ada", "email", Signing.address("ada", "example.org"), "listing", "public");
        given().contentType("application/json")
                .body(body)
                .post("/api/letters/closed-letter/signatures")
                .then()
                .statusCode(409);
        given().contentType("application/json")
                .body(body)
                .post("/api/letters/closed-letter/signatures")
                .then()
                .statusCode(409);
        given().contentType("application/json")
                .body(body)
                .post("/api/letters/no-such-letter/signatures")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aFormPostIsNotTakenForJson() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("name", "Ada")
                .post(SIGN)
                .then()
                .statusCode(415);
    }

    private Response signUp(RequestSpecification request, String email) {
        return signUp(request, Map.of("name", "Ada Example", "email", email, "listing", "public"));
    }

    private static Response signUp(RequestSpecification request, Map<String, String> body) {
        return request.contentType("application/json").body(body).post(SIGN);
    }

    /** The resource's answer to the same sign-up: an Accept header the route leaves to it. */
    private static Response resourceSignUp(String email) {
        return given().accept("application/*")
                .contentType("application/json")
                .body(Map.of("name", "Ada Example", "email", email, "listing", "public"))
                .post(SIGN);
    }

    private double early() {
        return registry.counter("undersigned.signatures.early").count();
    }
}
