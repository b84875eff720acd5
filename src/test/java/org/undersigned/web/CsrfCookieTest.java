package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A page with forms gives a new visitor a CSRF cookie; the API and the log, which have no forms, never set one. */
@QuarkusTest
class CsrfCookieTest {

    @Test
    void pagesSetTheCookieAndTheApiAndLogDoNot() {
        Response page = given().get("/letters/sample-letter");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getCookie(Csrf.COOKIE)).matches("[A-Za-z0-9_-]{43}");
        for (String path : new String[] {"/api/letters/sample-letter/count", "/log/sample-letter/checkpoint"}) {
            Response api = given().get(path);
            assertThat(api.statusCode()).as(path).isEqualTo(200);
            assertThat(api.getHeaders().getValues("Set-Cookie")).as(path).isEmpty();
        }
    }
}
