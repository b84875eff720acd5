package org.undersigned.organisers;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** An organiser's browser in the thread editor: the sign-in cookie, and the CSRF cookie and token of a page. */
record EditorSession(String organiser, String csrfCookie, String csrfToken) {

    static final String LETTER = "editor-letter";
    static final String THREAD = "/organisers/letters/" + LETTER + "/thread";

    /** Opens a page of the console as the organiser and keeps its CSRF cookie and form token. */
    static EditorSession open(String organiser, String path) {
        Response page =
                given().accept("text/html").cookie("organiser", organiser).get(path);
        page.then().statusCode(200);
        String cookie = page.getCookie("csrf");
        String token = Jsoup.parse(page.asString()).select("input[name=csrf]").attr("value");
        if (cookie == null || token.isEmpty()) {
            throw new AssertionError(path + " gave no CSRF cookie or form token");
        }
        return new EditorSession(organiser, cookie, token);
    }

    /** A page as the organiser sees it. */
    Document page(String path) {
        return Jsoup.parse(get(path).asString());
    }

    /** A page as the organiser sees it in a language, which must answer 200. */
    Document page(String path, String language) {
        Response page = given().accept("text/html")
                .header("Accept-Language", language)
                .cookie("organiser", organiser)
                .cookie("csrf", csrfCookie)
                .get(path);
        page.then().statusCode(200);
        return Jsoup.parse(page.asString());
    }

    Response get(String path) {
        return given().accept("text/html")
                .cookie("organiser", organiser)
                .cookie("csrf", csrfCookie)
                .redirects()
                .follow(false)
                .get(path);
    }

    /** A form POST with the cookies and the matching CSRF token, redirects not followed. */
    RequestSpecification post() {
        return given().accept("text/html")
                .cookie("organiser", organiser)
                .cookie("csrf", csrfCookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrfToken)
                .redirects()
                .follow(false);
    }

    /** A new entry's form filled in with the fields every entry needs; add the body, claims, points and the action. */
    RequestSpecification newEntry(String id, String kind, String title) {
        return post().formParam("id", id)
                .formParam("kind", kind)
                .formParam("title", title)
                .formParam("date", "2026-08-02");
    }

    /** The letter's thread as the public API gives it, rooted at its entries. */
    static JsonPath thread() {
        return given().get("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("entries");
    }
}
