package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * The organisers' console in Chromium with JavaScript off: a bulk invalidation previewed, then run, shows in the count
 * and the log; an admin revokes a token and it stops working at once. Each page is audited by axe-core on the way.
 */
@QuarkusTest
class ConsoleBrowserTest {

    static final String LETTER = "console-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @Inject
    TransparencyLog log;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganiserPreviewsThenRunsABulkInvalidationAndTheCountAndLogShowIt() {
        for (int i = 0; i < 3; i++) {
            Signing.signAndConfirm(
                    mail,
                    LETTER,
                    Map.of(
                            "name",
                            "Spam Bot " + i,
                            "email",
                            Signing.address("bot" + i, "spam.example"),
                            "listing",
                            "public"));
        }
        Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Real Person", "email", Signing.address("real", "good.example"), "listing", "public"));
        long before = Counted.total(LETTER, log);
        String organiser = tokens.mint("bot:console-organiser", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();

        try (BrowserContext context = console(organiser, false)) {
            Page page = context.newPage();
            page.navigate(root + "organisers/letters/" + LETTER);
            assertThat(page.locator("h1")).containsText("Dashboard");
            assertThat(page.locator("#count-heading + p.lead")).hasText(before + " verified signatures");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invalidate signatures in bulk"))
                    .click();

            // the preview is mandatory: the form only previews
            page.getByLabel("Email domain").fill("spam.example");
            page.getByLabel("Reason code").fill("spam");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                    .click();
            assertThat(page.locator("h1")).hasText("Preview: 3 signatures would be invalidated");
            assertThat(page.locator("#reason")).hasText("spam");
            assertThat(page.locator("ul.sample li")).hasCount(3);
            assertThat(page.locator("ul.sample")).containsText("Spam Bot 0");
            assertThat(Counted.total(LETTER, log)).isEqualTo(before);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invalidate these 3 signatures"))
                    .click();
            page.waitForURL("**/organisers/letters/" + LETTER + "?invalidated=3");
            assertThat(page.locator("#invalidated")).containsText("3 signatures invalidated");
            assertThat(Counted.total(LETTER, log)).isEqualTo(before - 3);
            assertThat(Counted.entries(LETTER, log).stream()
                            .filter(e -> e.contains("\"invalidation\"") && e.contains("\"reason\":\"spam\""))
                            .count())
                    .isEqualTo(3);

            // the action is in the dashboard's recent actions and the audit trail
            page.navigate(root + "organisers/letters/" + LETTER);
            assertThat(page.locator("table.events")).containsText("invalidate");
            assertThat(page.locator("#count-heading + p.lead")).hasText((before - 3) + " verified signatures");
        }
    }

    @Test
    void anAdminRevokesATokenAndItStopsWorking() {
        String admin = tokens.mint("console-admin", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        OrganiserTokens.Minted victim =
                tokens.mint("bot:console-victim", OrganiserTokens.ORGANISER, List.of(LETTER), null);
        given().auth()
                .oauth2(victim.token())
                .get("/api/letters/" + LETTER + "/moderation")
                .then()
                .statusCode(200);

        try (BrowserContext context = console(admin, true)) {
            Page page = context.newPage();
            page.navigate(root + "organisers/tokens");
            assertThat(page.locator("h1")).hasText("Tokens");
            assertThat(page.locator("#token-" + victim.tokenId())).containsText("bot:console-victim");
            assertThat(Axe.seriousViolations(page)).as("tokens page").isEmpty();
            page.locator("#token-" + victim.tokenId() + " button").click();
            page.waitForURL("**/organisers/tokens?revoked=" + victim.tokenId());
            assertThat(page.locator("#revoked")).containsText(victim.tokenId());
            assertThat(page.locator("#token-" + victim.tokenId())).containsText("revoked");
        }
        given().auth()
                .oauth2(victim.token())
                .get("/api/letters/" + LETTER + "/moderation")
                .then()
                .statusCode(401);

        // the audit trail, filtered by action, shows who revoked it
        try (BrowserContext context = console(admin, true)) {
            Page page = context.newPage();
            page.navigate(root + "organisers/audit");
            page.getByLabel("Action").fill("revoke-token");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            assertThat(page.locator("table.events tbody tr").first()).containsText("console-admin");
            assertThat(page.locator("table.events tbody tr").first()).containsText("bot:console-victim");
            assertThat(Axe.seriousViolations(page)).as("audit page").isEmpty();
        }
    }

    /** A browser signed in with the token's cookie; axe-core needs JavaScript and the CSP bypassed. */
    private BrowserContext console(String token, boolean audited) {
        BrowserContext context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(audited)
                        .setBypassCSP(audited));
        context.setDefaultTimeout(15_000);
        context.addCookies(List.of(new Cookie("organiser", token).setUrl(root.toString())));
        return context;
    }
}
