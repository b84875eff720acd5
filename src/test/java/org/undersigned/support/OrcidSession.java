package org.undersigned.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.nodes.Document;

/** A browser signed in with ORCID: its cookies (OIDC session, CSRF, organiser token) go with every request. */
public record OrcidSession(Map<String, String> cookies) {

    /**
     * Runs the whole authorization code flow as a browser would: the app redirects to the provider, the provider
     * (which signs in {@code orcid} at once, with {@code claims} in its ID token) redirects back with a code, the
     * app exchanges it, sets its session and sends the browser on to {@code path}. Returns that last answer too.
     */
    public static OrcidSession signIn(
            MockOAuth2Server provider, String orcid, Map<String, Object> claims, String path) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback("orcid", orcid, "JWT", List.of("undersigned-test"), claims, 3600));
        Response start = given().redirects().follow(false).get(path);
        assertThat(start.statusCode()).as("start of the code flow").isEqualTo(302);
        Map<String, String> cookies = new HashMap<>(start.getCookies());
        Response authorize =
                given().urlEncodingEnabled(false).redirects().follow(false).get(start.header("Location"));
        assertThat(authorize.statusCode())
                .as("provider's answer: " + authorize.asString())
                .isEqualTo(302);
        Response back = given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .cookies(cookies)
                .get(authorize.header("Location"));
        assertThat(back.statusCode()).as("callback: " + back.asString()).isEqualTo(302);
        cookies.putAll(back.getCookies());
        return new OrcidSession(cookies);
    }

    public Response get(String path) {
        Response r = given().accept("text/html")
                .redirects()
                .follow(false)
                .cookies(cookiesFor(path))
                .get(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    /** As a browser sends them: the OIDC cookies (Path=/orcid) only under /orcid/. */
    private Map<String, String> cookiesFor(String path) {
        Map<String, String> sent = new HashMap<>(cookies);
        if (path == null || !path.contains("/orcid/")) {
            sent.keySet().removeIf(name -> name.startsWith("q_"));
        }
        return sent;
    }

    /** A form POST from {@code page} to {@code path}, with the page's CSRF token. */
    public RequestSpecification form(Document page, String path) {
        return given().accept("text/html")
                .redirects()
                .follow(false)
                .cookies(cookiesFor(path))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", page.select("input[name=csrf]").attr("value"));
    }
}
