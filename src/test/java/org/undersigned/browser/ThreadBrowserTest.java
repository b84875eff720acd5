package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;

/** A reader follows a company's claim to the rebuttal's point that answers it, in a real browser. */
@QuarkusTest
class ThreadBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aReaderFollowsAClaimToTheRebuttalPointThatAnswersIt() {
        try (BrowserContext context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false)
                        .setViewportSize(390, 844))) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();
            page.navigate(root + "letters/thread-letter");
            page.getByText("Read the thread, claim by claim").click();
            assertThat(page).hasURL(Pattern.compile(".*/letters/thread-letter/thread$"));

            Locator claim = page.locator("#response-old-version");
            assertThat(claim).containsText("The study tested an old version of the service.");
            claim.locator(".answer a").click();

            assertThat(page).hasURL(Pattern.compile(".*/thread#rebuttal--response-old-version$"));
            Locator point = page.locator("#rebuttal--response-old-version");
            assertThat(point).isInViewport();
            assertThat(point).containsText("sold to customers");
            Assertions.assertThat(point.evaluate("e => e.matches(':target')")).isEqualTo(true);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.OUT.resolve("thread-point.png")));

            // and back from the point to the claim it answers
            point.locator("a[href='#response-old-version']").click();
            assertThat(page.locator("#response-old-version")).isInViewport();
            assertThat(page.locator("#response-own-tests .unanswered")).hasText("No answer yet.");
        }
    }
}
