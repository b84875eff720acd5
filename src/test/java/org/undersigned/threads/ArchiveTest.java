package org.undersigned.threads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;

/**
 * Company responses archived by the service: fetched from a local web server (loopback is allowed by the test
 * setting only), kept with their hash, served as sandboxed downloads, linked from the thread; pages behind a redirect
 * to a private or link-local address, too large, or in a redirect loop are refused with a 400 saying why.
 */
@QuarkusTest
class ArchiveTest {

    private static final String LETTER = "dispute-letter";
    private static final byte[] PAGE = ("<html><body><script>alert('ours?')</script><h1>Example Corp responds</h1>"
                    + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    private static HttpServer site;

    @Inject
    OrganiserTokens tokens;

    @BeforeAll
    static void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/response", x -> answer(x, 200, "text/html; charset=utf-8", PAGE, null));
        site.createContext("/moved", x -> answer(x, 302, null, new byte[0], "/response"));
        site.createContext("/private", x -> answer(x, 302, null, new byte[0], "http://10.20.30.40/post"));
        site.createContext("/metadata", x -> answer(x, 301, null, new byte[0], "http://169.254.169.254/latest/"));
        site.createContext("/loop", x -> answer(x, 307, null, new byte[0], "/loop"));
        site.createContext("/gone", x -> answer(x, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8), null));
        site.createContext("/huge", x -> answer(x, 200, "application/pdf", new byte[10_500_000], null));
        site.start();
    }

    @AfterAll
    static void stopSite() {
        site.stop(0);
    }

    @Test
    void anArchivedResponseIsKeptWithItsHashServedAsASandboxedDownloadAndLinkedFromTheThread() throws Exception {
        String organiser = organiser();
        Response archived = given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("url", local("/moved")))
                .post("/api/letters/" + LETTER + "/archive");
        archived.then().statusCode(201);
        String sha256 = archived.jsonPath().getString("sha256");
        assertThat(sha256)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(PAGE)));
        assertThat(archived.jsonPath().getString("finalUrl")).isEqualTo(local("/response"));
        assertThat(archived.jsonPath().getString("contentType")).startsWith("text/html");
        String copy = archived.jsonPath().getString("copy");
        assertThat(copy).isEqualTo("/letters/" + LETTER + "/archive/" + sha256);

        Response served = given().get(copy);
        served.then().statusCode(200);
        assertThat(served.asByteArray()).isEqualTo(PAGE);
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        given().get("/letters/" + LETTER + "/archive/" + "0".repeat(64)).then().statusCode(404);

        // the entry names the copy by its hash; the service adds when it was retrieved
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id", "response-archived",
                        "kind", "response",
                        "title", "Example Corp responds again",
                        "date", "2026-06-02",
                        "organisation", "Example Corp",
                        "url", local("/response"),
                        "archived", Map.of("sha256", sha256),
                        "body", "Their words, archived."))
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(201);
        var thread = given().get("/api/letters/" + LETTER + "/thread").jsonPath();
        int at = thread.getList("entries.id").indexOf("response-archived");
        assertThat(thread.getString("entries[" + at + "].archived.sha256")).isEqualTo(sha256);
        assertThat(thread.getString("entries[" + at + "].archived.retrieved")).matches("\\d{4}-\\d\\d-\\d\\d");
        Element entry = Jsoup.parse(given().accept("text/html")
                        .get("/letters/" + LETTER + "/thread")
                        .asString())
                .getElementById("response-archived");
        assertThat(entry.select("a[href=" + copy + "]").text()).isEqualTo("archived copy");
        assertThat(entry.text()).contains("SHA-256 " + sha256);

        // a hash the service holds no copy of needs the date the copy was taken
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id", "response-unheld",
                        "kind", "response",
                        "title", "Unheld",
                        "date", "2026-06-02",
                        "archived", Map.of("sha256", "a".repeat(64)),
                        "body", "x"))
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(400)
                .body(containsString("archive the page first"));
    }

    @Test
    void pagesThatWouldReachIntoTheNetworkOrCannotBeArchivedAreRefusedSayingWhy() {
        String organiser = organiser();
        Map<String, String> refused = Map.of(
                local("/private"),
                "a private address",
                local("/metadata"),
                "a link-local address",
                local("/loop"),
                "redirects more than 5 times",
                local("/gone"),
                "HTTP 404",
                local("/huge"),
                "larger than 10 MB",
                "file:///etc/passwd",
                "http or https",
                "http://user@" + "127.0.0.1:" + site.getAddress().getPort() + "/response",
                "without a user name",
                "http://no-such-host.invalid/post",
                "is not known");
        refused.forEach((url, why) -> given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .post("/api/letters/" + LETTER + "/archive")
                .then()
                .statusCode(400)
                .body(containsString(why)));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/letters/" + LETTER + "/archive")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("url", local("/response")))
                .post("/api/letters/" + LETTER + "/archive")
                .then()
                .statusCode(401);
    }

    private String organiser() {
        return tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
    }

    private static String local(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static void answer(
            com.sun.net.httpserver.HttpExchange x, int status, String type, byte[] body, String location)
            throws IOException {
        if (type != null) {
            x.getResponseHeaders().set("Content-Type", type);
        }
        if (location != null) {
            x.getResponseHeaders().set("Location", location);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
