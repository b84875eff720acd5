package org.undersigned.badinput;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/**
 * Names and organisations made of markup are signed and confirmed like any other, then shown in Debian's Chromium
 * (JavaScript on) as the text they are: no element, handler or script of theirs appears or runs. Shares the
 * bad-input suite's profile, so no second start of the app.
 */
@QuarkusTest
@TestProfile(BadInputTest.NoRateLimits.class)
class MarkupNamesBrowserTest {

    /** Each sets window.__pwned (or opens a dialog) if it ever becomes markup. */
    static final List<String> NAMES = List.of(
            "<script>window.__pwned='script'</script>Eve Script",
            "<img src=x onerror=\"window.__pwned='img'\">Eve Image",
            "\"><svg onload=window.__pwned='svg'>Eve Quote",
            "Eve <b>Bold</b> &amp; &lt;i&gt; {name} {#if true}x{/if}");

    static final List<String> ORGANISATIONS = List.of(
            "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>Org",
            "<a href=\"javascript:alert(1)\">Click Org</a>",
            "</span></li></ol><h1 id=injected>Org</h1>",
            "Org ' onmouseover='alert(1)");
    /** What would be there only if a name or organisation had become markup. */
    static final String INJECTED = "main img[src='x'], main [onerror], main [onload], main [onmouseover], main iframe,"
            + " main script, main a[href^='javascript:'], #injected, main svg";

    @MailServer.Inject
    GreenMail mail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void namesAndOrganisationsWithMarkupAreSignedConfirmedAndShownAsText() {
        Map<String, String> signed = new LinkedHashMap<>(); // id -> name
        for (int i = 0; i < NAMES.size(); i++) {
            Map<String, String> body = Map.of(
                    "name", NAMES.get(i),
                    "email", Signing.address("markup", "example.org"),
                    "organisation", ORGANISATIONS.get(i),
                    "role", "<u>Role</u>",
                    "listing", "public");
            signed.put(Signing.signAndConfirm(mail, Endpoint.LETTER, body), NAMES.get(i));
        }
        awaitListed(signed.keySet());

        List<String> dialogs = new ArrayList<>();
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();
            page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            List<String> paths = new ArrayList<>(List.of(
                    "/letters/" + Endpoint.LETTER + "/signatories",
                    "/letters/" + Endpoint.LETTER + "/signatories?q=Eve",
                    "/letters/" + Endpoint.LETTER));
            signed.keySet().forEach(id -> paths.add("/letters/" + Endpoint.LETTER + "/disown/" + id));
            for (String path : paths) {
                Response response = page.navigate(url(path));
                assertThat(response.status()).as(path).isEqualTo(200);
                page.waitForLoadState();
                assertThat(page.evaluate("() => window.__pwned"))
                        .as("script ran on %s", path)
                        .isNull();
                assertThat(page.locator(INJECTED).count())
                        .as("elements from names on %s", path)
                        .isZero();
                String text = page.locator("main").innerText();
                if (path.contains("/disown/")) {
                    String id = path.substring(path.lastIndexOf('/') + 1);
                    assertThat(text).as(path).contains(signed.get(id));
                } else if (path.endsWith("/signatories")) {
                    signed.values().forEach(name -> assertThat(text).as(path).contains(name));
                    ORGANISATIONS.forEach(org -> assertThat(text).as(path).contains(org));
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Chromium.OUT.resolve("markup-names.png"))
                            .setFullPage(true));
                }
            }
        }
        assertThat(dialogs).as("dialogs opened by names").isEmpty();
    }

    /** Confirmed signatures are listed once the log has taken them in. */
    private static void awaitListed(java.util.Set<String> ids) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<String> listed = given().get("/api/letters/" + Endpoint.LETTER + "/signatories?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            if (listed.containsAll(ids)) {
                return;
            }
            assertThat(System.currentTimeMillis())
                    .as("signatures listed in time")
                    .isLessThan(deadline);
            Mailbox.sleep(200);
        }
    }

    private String url(String path) {
        return URI.create(root.toString()).resolve(path).toString();
    }
}
