package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.transparency.TransparencyLog;

/**
 * The signing pages in a real browser (Debian's Chromium, driven by Playwright): the whole flow with JavaScript
 * off, as the pages promise, and the letter page on a phone-sized screen. Screenshots go to target/browser/.
 */
@QuarkusTest
class SigningBrowserTest {

    static final String LETTER = "sample-letter";
    static final Path OUT = Chromium.OUT;

    @MailServer.Inject
    GreenMail mail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void signingWithJavaScriptOffFromFormToListedName() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // an accented name checks that a plain HTML form round-trips UTF-8 all the way to the list
        String name = "Zoë Browserova " + suffix;
        String email = "zoe-" + suffix + "@example.org";
        long before = total();

        try (BrowserContext context =
                Chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();

            Response letterPage = page.navigate(url("/letters/" + LETTER));
            Assertions.assertThat(letterPage.status()).isEqualTo(200);
            Locator form = page.locator("form.sign");

            // 1. an address the browser's own type=email check accepts but the service rejects (no dot in the domain)
            form.locator("#f-name").fill(name);
            form.locator("#f-email").fill("someone@localhost");
            form.locator("#f-organisation").fill("Example University");
            form.locator("#f-role").fill("Professor of Browsers");
            assertThat(form.locator("input[name=listing][value=public]")).isChecked();
            form.locator("#f-comment").fill("Signed from a browser without JavaScript.");
            Response rejected = submit(page, form);
            Assertions.assertThat(rejected.status()).isEqualTo(400);
            page.waitForURL("**/letters/" + LETTER + "/sign");

            Locator emailError = page.locator("p.field:has(#f-email) > span.error#e-email");
            assertThat(emailError)
                    .hasText("The part after @ is not a full domain name (it should be like name@example.org).");
            assertThat(page.locator("#f-email")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-email")).hasAttribute("aria-describedby", "e-email");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check the marked fields.");
            assertThat(page.locator("#form-errors a[href='#f-email']")).hasCount(1);
            assertThat(page.locator(".error")).hasCount(1); // only the email is wrong
            // everything typed comes back from the server
            assertThat(page.locator("#f-name")).hasValue(name);
            assertThat(page.locator("#f-email")).hasValue("someone@localhost");
            assertThat(page.locator("#f-organisation")).hasValue("Example University");
            assertThat(page.locator("#f-role")).hasValue("Professor of Browsers");
            assertThat(page.locator("#f-comment")).hasValue("Signed from a browser without JavaScript.");
            assertThat(page.locator("input[name=listing][value=public]")).isChecked();
            shoot(page, "sign-error.png");

            // 2. the corrected address goes through
            Locator fixedForm = page.locator("form.sign");
            fixedForm.locator("#f-email").fill(email);
            Response accepted = submit(page, fixedForm);
            Assertions.assertThat(accepted.status()).isEqualTo(200);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Check your email");
            assertThat(page.locator("main strong").first()).hasText(email);

            // 3. the mailed link: opening it (as a mail scanner would) counts nothing
            MimeMessage confirmMail = Mailbox.await(mail, email, 1);
            Assertions.assertThat(Mailbox.subject(confirmMail)).startsWith("Confirm your signature");
            String confirmPath = Mailbox.link(confirmMail, "/confirm/");
            Response linkPage = page.navigate(url(confirmPath));
            Assertions.assertThat(linkPage.status()).isEqualTo(200);
            assertThat(page.locator("h1")).hasText("Confirm your signature");
            assertThat(page.locator("main .lead strong")).hasText(name);
            Assertions.assertThat(total()).isEqualTo(before);
            shoot(page, "confirm-link.png");

            // 4. pressing the button counts it
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my signature"))
                    .click();
            assertThat(page.locator("h1")).hasText(Pattern.compile("^Thank you: your signature is counted"));
            Assertions.assertThat(total()).isEqualTo(before + 1);
            shoot(page, "confirmed.png");

            // 5. the name is on the public list and the search finds it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your name is on the list."))
                    .click();
            page.waitForURL("**/letters/" + LETTER + "/signatories");
            assertThat(page.locator("h1")).hasText("Who signed");
            page.getByLabel("Did someone sign? Search names").fill(name);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                    .click();
            page.waitForURL(Pattern.compile("/letters/" + LETTER + "/signatories\\?q=.*" + suffix));
            assertThat(page.locator("#q")).hasValue(name);
            assertThat(page.locator("ol.signatories li .name")).hasText(new String[] {name});
            assertThat(page.locator("ol.signatories li").first()).containsText("Professor of Browsers");
            assertThat(page.locator("ol.signatories li .org")).hasText("Example University");
            assertThat(page.locator("main .lead")).containsText((before + 1) + " confirmed signature");
            shoot(page, "signatories-search.png");
        }
    }

    @Test
    void letterPageFitsAPhoneScreenWithTheSignButtonInReach() {
        int width = 390;
        try (BrowserContext context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(width, 844)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true))) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();
            Response response = page.navigate(url("/letters/" + LETTER));
            Assertions.assertThat(response.status()).isEqualTo(200);

            // On a phone Chrome zooms out to fit a page that is too wide, so window.innerWidth grows with the
            // page: compare with the screen's own width too, not only with innerWidth.
            int innerWidth = ((Number) page.evaluate("() => window.innerWidth")).intValue();
            int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            // names the elements sticking out, so a failure says what to fix
            Object wide = page.evaluate(
                    "w => [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
                            + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                            + " + (e.className ? '.' + e.className : ''))"
                            + ".slice(0, 10)",
                    width);
            Assertions.assertThat(scrollWidth)
                    .as(
                            "page width on a %d px screen (innerWidth %d); elements sticking out: %s",
                            width, innerWidth, wide)
                    .isLessThanOrEqualTo(width)
                    .isLessThanOrEqualTo(innerWidth);
            Assertions.assertThat(innerWidth)
                    .as("window.innerWidth (not zoomed out)")
                    .isEqualTo(width);

            Locator sign = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign this letter"));
            sign.scrollIntoViewIfNeeded();
            assertThat(sign).isVisible();
            assertThat(sign).isInViewport();
            var box = sign.boundingBox();
            Assertions.assertThat(box.x).isGreaterThanOrEqualTo(0);
            Assertions.assertThat(box.x + box.width).isLessThanOrEqualTo(width);
            Assertions.assertThat(box.height).as("tap target height").isGreaterThanOrEqualTo(24);
            shoot(page, "letter-phone.png");
        }
    }

    /** Presses the form's sign button and returns the answer to its POST (the page then shows that answer). */
    private static Response submit(Page page, Locator form) {
        Locator button = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign this letter"));
        return page.waitForResponse(
                r -> r.url().endsWith("/letters/" + LETTER + "/sign")
                        && "POST".equals(r.request().method()),
                button::click);
    }

    /** A full-page screenshot under target/browser/, for a person to look at. */
    private static void shoot(Page page, String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(file)).setFullPage(true));
    }

    private String url(String path) {
        return URI.create(root.toString()).resolve(path).toString();
    }

    @Inject
    TransparencyLog log;

    private long total() {
        return Counted.total(LETTER, log);
    }
}
