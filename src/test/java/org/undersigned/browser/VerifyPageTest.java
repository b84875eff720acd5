package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.transparency.TransparencyLog;

/**
 * The verifier page in a real browser (Debian's Chromium, driven by Playwright): it recomputes key ID, checkpoint
 * signature, Merkle root and count from the public log, notices a tampered entry, and explains itself without
 * JavaScript. Only this class signs verify-page-letter. Screenshots go to target/browser/.
 */
@QuarkusTest
class VerifyPageTest {

    static final String LETTER = "verify-page-letter";
    static final String[] STEPS = {"key", "signature", "entries", "root", "count", "thread"};
    static final Path OUT = Chromium.OUT;

    static boolean signed;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theBrowserRecomputesTheCountFromTheLog() {
        signSome();
        JsonPath count = count(LETTER);
        long total = count.getLong("total");
        long size = count.getLong("checkpoint.size");
        Assertions.assertThat(total).isGreaterThanOrEqualTo(2);

        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            List<String> consoleErrors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                // the browser's own request for /favicon.ico (there is none) is not the page's doing
                if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
                    consoleErrors.add(m.text() + " (" + m.location() + ")");
                }
            });
            Response response = page.navigate(url("/letters/" + LETTER + "/verify"));
            Assertions.assertThat(response.status()).isEqualTo(200);
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).not().hasAttribute("data-state", "pending");

            for (String step : STEPS) {
                assertThat(page.locator("li[data-step=" + step + "]")).hasAttribute("data-state", "ok");
            }
            assertThat(verdict).hasAttribute("data-state", "ok");
            assertThat(verdict)
                    .hasText("Verified: " + total + " signatures at tree size " + size + ", checkpoint signed by "
                            + origin() + " (key " + keyId() + ").");
            assertThat(page.locator("li[data-step=count] .detail")).containsText(total + " live signers");
            assertThat(page.locator("#verify-nojs")).hasCount(0);
            assertThat(page.locator("#public-url-note")).hasCount(0);
            assertThat(page.locator("#public-url"))
                    .hasText(URI.create(root.toString()).resolve("/").toString().replaceAll("/$", ""));
            Assertions.assertThat(consoleErrors)
                    .as("console errors (a CSP violation would show here)")
                    .isEmpty();
            shoot(page, "verify-ok.png");
        }
    }

    @Test
    void aChangedEntryFailsTheRootCheck() {
        signSome();
        AtomicInteger tampered = new AtomicInteger();
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.route("**/log/" + LETTER + "/tile/entries/**", route -> {
                var original = route.fetch();
                byte[] body = original.body();
                // one byte of the first entry's signer id becomes another hex digit: still valid JSON
                int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"signer\":\"") + 10;
                Assertions.assertThat(at).isGreaterThan(10);
                body[at] = (byte) (body[at] == '0' ? '1' : '0');
                tampered.incrementAndGet();
                route.fulfill(new Route.FulfillOptions().setResponse(original).setBodyBytes(body));
            });
            page.navigate(url("/letters/" + LETTER + "/verify"));
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-state", "fail");
            assertThat(verdict).hasText(Pattern.compile("^Verification FAILED at step 4 \\(The Merkle root\\)"));
            assertThat(page.locator("li[data-step=key]")).hasAttribute("data-state", "ok");
            assertThat(page.locator("li[data-step=signature]")).hasAttribute("data-state", "ok");
            assertThat(page.locator("li[data-step=entries]")).hasAttribute("data-state", "ok");
            assertThat(page.locator("li[data-step=root]")).hasAttribute("data-state", "fail");
            assertThat(page.locator("li[data-step=root] .detail")).containsText("not to the signed root");
            assertThat(page.locator("li[data-step=count]")).hasAttribute("data-state", "skipped");
            Assertions.assertThat(tampered.get()).isGreaterThanOrEqualTo(1);
            shoot(page, "verify-tampered.png");
        }
    }

    @Test
    void theResultFitsAPhoneScreen() {
        signSome();
        int width = 390;
        try (BrowserContext context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(width, 844)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true))) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.navigate(url("/letters/" + LETTER + "/verify"));
            assertThat(page.locator("#verdict")).hasAttribute("data-state", "ok");
            // long hashes and origins must wrap rather than widen the page
            int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            Assertions.assertThat(scrollWidth)
                    .as("page width on a %d px screen", width)
                    .isLessThanOrEqualTo(width);
            shoot(page, "verify-phone.png");
        }
    }

    @Test
    void withoutJavaScriptThePageExplainsAndLinksToTheRawData() {
        try (BrowserContext context =
                Chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();
            Response response = page.navigate(url("/letters/" + LETTER + "/verify"));
            Assertions.assertThat(response.status()).isEqualTo(200);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Verify the count yourself");
            assertThat(page.locator("ol.checks > li")).hasCount(6);
            assertThat(page.locator("#verify-nojs")).containsText("JavaScript is off");
            assertThat(page.locator("#log-origin")).hasText(origin());
            assertThat(page.locator("a[href='/log/" + LETTER + "/checkpoint']")).hasCount(1);
            assertThat(page.locator("a[href='/.well-known/undersigned/keys']")).hasCount(1);
            assertThat(page.locator("pre.command").first())
                    .containsText("java verify/Verify.java <public-url> " + LETTER);
            assertThat(page.locator("pre.command").nth(1)).containsText("--witness");
            assertThat(page.locator("#verdict")).hasCount(0);
            assertThat(page.locator("script[src='/js/verify.js']")).hasCount(1);
            shoot(page, "verify-no-javascript.png");
        }
    }

    @Test
    void anEmptyLogSaysNothingHasBeenLoggedYet() {
        // closed-letter takes no signatures, so its log stays empty
        String note = given().get("/log/closed-letter/checkpoint")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Assertions.assertThat(note)
                .startsWith("localhost:" + RestAssured.port
                        + "/log/closed-letter\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n\u2014 ");
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.navigate(url("/letters/closed-letter/verify"));
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-state", "empty");
            assertThat(verdict).hasText("No signatures have been logged yet: the log's signed checkpoint says so.");
            for (String step : List.of("key", "signature", "entries", "root")) {
                assertThat(page.locator("li[data-step=" + step + "]")).hasAttribute("data-state", "ok");
            }
            assertThat(page.locator("li[data-step=count]")).hasAttribute("data-state", "ok");
        }
    }

    @Test
    void theLetterPageLinksToTheVerifierAndUnknownLettersAre404() {
        given().accept("text/html")
                .get("/letters/" + LETTER)
                .then()
                .statusCode(200)
                .body(containsString("href=\"/letters/" + LETTER + "/verify\""));
        given().accept("text/html").get("/letters/no-such-letter/verify").then().statusCode(404);
        given().accept("text/html").get("/letters/draft-letter/verify").then().statusCode(404);
    }

    /** Three confirmed signatures, one of them then withdrawn, so the recount has to follow a withdrawal. */
    private synchronized void signSome() {
        if (signed) {
            return;
        }
        String withdrawn = null;
        for (String who : List.of("ada", "grace", "edsger")) {
            String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Verify " + who, "email", email, "listing", "public"))
                    .post("/api/letters/" + LETTER + "/signatures")
                    .then()
                    .statusCode(202);
            String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
            FormSession.open(confirm).post().post(confirm).then().statusCode(200);
            withdrawn = email;
        }
        String withdraw = Mailbox.link(Mailbox.await(mail, withdrawn, 2), "/withdraw/");
        FormSession.open(withdraw).post().post(withdraw).then().statusCode(200);
        Counted.settle(log);
        signed = true;
    }

    private JsonPath count(String letter) {
        Counted.settle(log);
        return given().get("/api/letters/" + letter + "/count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String origin() {
        URI uri = URI.create(root.toString());
        return uri.getHost() + ":" + uri.getPort() + "/log/" + LETTER;
    }

    /** The key ID published for this letter's log, read from the keys file as any verifier would. */
    private String keyId() {
        String keys = given().get("/.well-known/undersigned/keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return keys.lines()
                .filter(l -> l.startsWith(origin() + "+"))
                .findFirst()
                .orElseThrow()
                .split("\\+")[1];
    }

    private static void shoot(Page page, String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(file)).setFullPage(true));
    }

    private String url(String path) {
        return URI.create(root.toString()).resolve(path).toString();
    }
}
