package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;

/**
 * The console's thread editor in Chromium with JavaScript off: an organiser publishes a company response with a
 * claim, then a rebuttal whose point answers it (picked in the select), and a reader follows the claim on the public
 * thread page to that answer. The editor's pages are audited by axe-core (which needs JavaScript) on the way.
 */
@QuarkusTest
class ThreadEditorBrowserTest {

    static final String LETTER = "editor-letter";

    @Inject
    OrganiserTokens tokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganiserAnswersAResponsesClaimAndAReaderFollowsTheClaimToTheAnswer() {
        String organiser = tokens.mint("bot:editor", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        try (BrowserContext context = browser(organiser, false)) {
            Page page = context.newPage();
            page.navigate(root + "organisers/letters/" + LETTER + "/thread");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new entry"))
                    .click();
            assertThat(page.locator("h1")).hasText("New thread entry");
            page.locator("#f-kind").selectOption("response");
            page.locator("#f-id").fill("globex-response");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill("Globex says nobody was hurt");
            page.locator("#f-organisation").fill("Globex");
            page.getByLabel("Text (Markdown)").fill("Globex **disputes** the letter.");
            page.getByLabel("Claim 1: id").fill("globex-no-harm");
            page.getByLabel("Claim 1: text").fill("Nobody was harmed by the product.");
            publish(page, "Publish");
            page.waitForURL("**/thread?published=globex-response");
            assertThat(page.locator("#notice")).containsText("globex-response");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new entry"))
                    .click();
            page.locator("#f-kind").selectOption("rebuttal");
            page.locator("#f-id").fill("harm-documented");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill("Harm is documented");
            page.getByLabel("Text (Markdown)").fill("Our answer to Globex.");
            page.getByLabel("Point 1: the claim it answers")
                    .selectOption(new SelectOption()
                            .setLabel("Globex says nobody was hurt — Nobody was harmed by the product."));
            page.getByLabel("Point 1: the answer (Markdown)").fill("Three incidents are *documented* in court.");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Preview").setExact(true))
                    .click();
            assertThat(page.locator("#preview .point em")).hasText("documented");
            assertThat(page.locator("#preview .point .answers")).containsText("Nobody was harmed by the product.");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Chromium.OUT.resolve("thread-editor-preview.png"))
                    .setFullPage(true));
            publish(page, "Publish");
            page.waitForURL("**/thread?published=harm-documented");
        }

        try (BrowserContext reader =
                Chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            reader.setDefaultTimeout(15_000);
            Page page = reader.newPage();
            page.navigate(root + "letters/" + LETTER + "/thread");
            Locator claim = page.locator("#globex-no-harm");
            assertThat(claim).containsText("Nobody was harmed by the product.");
            claim.locator(".answer a").click();
            assertThat(page).hasURL(Pattern.compile(".*/thread#harm-documented--globex-no-harm$"));
            Locator answer = page.locator("#harm-documented--globex-no-harm");
            assertThat(answer).isInViewport();
            assertThat(answer).containsText("Three incidents are documented in court.");
        }
    }

    @Test
    void theEditorsPagesHaveNoSeriousAccessibilityViolation() {
        String organiser = tokens.mint("bot:editor", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        try (BrowserContext context = browser(organiser, true)) {
            Page page = context.newPage();
            page.navigate(root + "organisers/letters/" + LETTER + "/thread/new");
            assertThat(Axe.seriousViolations(page)).as("new entry form").isEmpty();

            page.locator("#f-id").fill("axe-statement");
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill("   ");
            page.getByLabel("Text (Markdown)").fill("A statement with a *preview*.");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Preview").setExact(true))
                    .click();
            assertThat(page.locator("#preview em")).hasText("preview");
            assertThat(Axe.seriousViolations(page)).as("preview").isEmpty();

            publish(page, "Publish");
            assertThat(page.locator("#form-errors")).isVisible();
            assertThat(Axe.seriousViolations(page)).as("form with errors").isEmpty();

            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                    .fill("A statement for axe");
            page.locator("#f-kind").selectOption("statement");
            publish(page, "Publish");
            page.waitForURL("**/thread?published=axe-statement");
            assertThat(Axe.seriousViolations(page)).as("list").isEmpty();

            page.navigate(root + "organisers/letters/" + LETTER + "/thread/axe-statement/correct");
            assertThat(page.locator("table.revisions tbody tr")).hasCount(1);
            assertThat(Axe.seriousViolations(page)).as("correction form").isEmpty();

            page.navigate(root + "organisers/letters/" + LETTER + "/thread/axe-statement/retract");
            assertThat(Axe.seriousViolations(page)).as("retraction form").isEmpty();
        }
    }

    private static void publish(Page page, String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    /** A browser signed in with the token's cookie; axe-core needs JavaScript and the CSP bypassed. */
    private BrowserContext browser(String token, boolean audited) {
        BrowserContext context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(audited)
                        .setBypassCSP(audited));
        context.setDefaultTimeout(15_000);
        context.addCookies(List.of(new Cookie("organiser", token).setUrl(root.toString())));
        return context;
    }
}
