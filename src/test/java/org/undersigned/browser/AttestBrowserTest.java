package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;

/**
 * The console's attestation and comment pages in Chromium, as an organiser finds a signer, attests the stated
 * affiliation, gets a refusal back with the form kept, and reads the comments; axe-core audits each page on the way.
 */
@QuarkusTest
class AttestBrowserTest {

    static final String LETTER = "attest-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOrganiserAttestsAnAffiliationAndReadsTheCommentsOnAccessiblePages() {
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name", "Browser Qwv Signer",
                        "email", Signing.address("browser", "example.org"),
                        "organisation", "Stanford",
                        "listing", "public",
                        "comment", "Signed from the browser test."));
        String organiser = tokens.mint("bot:attest", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();

        try (BrowserContext context =
                Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            context.setDefaultTimeout(15_000);
            context.addCookies(List.of(new Cookie("organiser", organiser).setUrl(root.toString())));
            Page page = context.newPage();

            page.navigate(root + "organisers/letters/" + LETTER + "/signatures");
            page.getByLabel("Search by name").fill("qwv");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                    .click();
            assertThat(page.locator("table.counted tbody tr")).hasCount(1);
            assertThat(Axe.seriousViolations(page))
                    .as("list of counted signatures")
                    .isEmpty();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Browser Qwv Signer"))
                    .click();
            page.waitForURL("**/signatures/" + id);
            assertThat(page.locator("#no-statements")).hasCount(0);
            assertThat(Axe.seriousViolations(page)).as("signature page").isEmpty();

            // a refusal comes back with the form as typed and its problem first
            page.getByLabel("Honour", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("turing-award");
            page.getByLabel("Year awarded").fill("2012");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attest this honour"))
                    .click();
            assertThat(page.locator("#form-errors")).containsText("is not listed as a laureate");
            assertThat(page.getByLabel("Year awarded")).hasValue("2012");
            assertThat(Axe.seriousViolations(page))
                    .as("signature page with errors")
                    .isEmpty();

            page.getByLabel("Organisation", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("Stanford University");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attest this affiliation"))
                    .click();
            page.waitForURL("**/signatures/" + id + "?attested=affiliation");
            assertThat(page.locator("#level-now")).hasText("attested by the organisers");
            assertThat(page.locator("article.statement").first()).containsText("Stanford University");
            assertThat(Axe.seriousViolations(page))
                    .as("signature page after attesting")
                    .isEmpty();

            page.navigate(root + "organisers/letters/" + LETTER + "/comments");
            assertThat(page.locator("ol.comments")).containsText("Signed from the browser test.");
            assertThat(Axe.seriousViolations(page)).as("comments page").isEmpty();
        }
    }
}
