package org.undersigned.organisers;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser of the console as an organiser: the organiser cookie on every request, and for a form the CSRF cookie and
 * token taken from the page that shows it. Redirects are not followed, so that tests see the 303.
 */
final class ConsoleClient {

    private final String organiser;
    private final String language;

    ConsoleClient(String organiser, String language) {
        this.organiser = organiser;
        this.language = language;
    }

    ConsoleClient(String organiser) {
        this(organiser, "en");
    }

    RequestSpecification request() {
        return given().accept("text/html")
                .header("Accept-Language", language)
                .cookie("organiser", organiser)
                .redirects()
                .follow(false);
    }

    Response get(String path) {
        return request().get(path);
    }

    Document page(String path, int status) {
        return Jsoup.parse(get(path).then().statusCode(status).extract().asString());
    }

    /** Posts {@code fields} to {@code action} as the form on {@code page} would, with its CSRF cookie and token. */
    Response submit(String page, String action, Map<String, String> fields) {
        Response shown = get(page);
        String cookie = shown.getCookie("csrf");
        String token = Jsoup.parse(shown.asString()).select("input[name=csrf]").attr("value");
        if (cookie == null || token.isEmpty()) {
            throw new AssertionError(page + " gave no CSRF cookie or form token");
        }
        return request()
                .cookie("csrf", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParams(fields)
                .post(action);
    }
}
