package org.undersigned.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;

/** A browser-like client for the HTML forms: it keeps the CSRF cookie and sends the token from the page. */
public final class FormSession {

    private final String cookie;
    private final String token;

    private FormSession(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens a page (as a browser would before submitting its form) and keeps its CSRF cookie and token. */
    public static FormSession open(String path) {
        Response page = given().accept("text/html").get(path);
        String cookie = page.getCookie("csrf");
        String token = Jsoup.parse(page.asString()).select("input[name=csrf]").attr("value");
        if (cookie == null || token.isEmpty()) {
            throw new AssertionError(path + " gave no CSRF cookie or form token");
        }
        return new FormSession(cookie, token);
    }

    /** A form POST carrying the cookie and the matching token. */
    public RequestSpecification post() {
        return given().accept("text/html")
                .cookie("csrf", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token);
    }

    public String cookie() {
        return cookie;
    }
}
