package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;

/**
 * Signing with the keyboard alone: the form's controls come in reading order, each shows a visible focus ring, a
 * mistake is announced (an alert that takes the focus, linking to the field), and Enter signs.
 */
@QuarkusTest
class KeyboardSigningTest {

    static final String LETTER = "sample-letter";
    static final List<String> FORM_ORDER =
            List.of("f-name", "f-email", "f-organisation", "f-role", "listing=public", "f-comment", "notify", "submit");

    @MailServer.Inject
    GreenMail mail;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSignerUsingOnlyTheKeyboardReachesEveryFieldInOrderSeesFocusAndHearsMistakes() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "keys-" + suffix + "@example.org";
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(10_000);
            Page page = context.newPage();
            page.navigate(root + "letters/" + LETTER + "/sign");

            // the first Tab reaches the skip link, shown when focused
            page.keyboard().press("Tab");
            assertThat(page.locator("a.skip")).isFocused();
            assertThat(page.locator("a.skip")).isInViewport();

            List<String> visited = new ArrayList<>();
            for (int i = 0; i < 40 && !visited.contains("submit"); i++) {
                page.keyboard().press("Tab");
                String focused = focused(page);
                if (visited.contains("f-name") || focused.equals("f-name")) {
                    visited.add(focused);
                    assertThat(focusRing(page)).as("focus ring on " + focused).isTrue();
                }
            }
            assertThat(visited).containsExactlyElementsOf(FORM_ORDER);

            // a mistake, submitted with Enter: the alert takes the focus and links to the field
            page.locator("#f-name").focus();
            page.keyboard().type("Kay Board " + suffix);
            page.keyboard().press("Tab");
            page.keyboard().type("kay-board@localhost");
            page.keyboard().press("Enter");
            page.waitForURL("**/letters/" + LETTER + "/sign");
            assertThat(page.locator("#form-errors")).isFocused();
            assertThat(page.locator("#form-errors")).hasAttribute("role", "alert");
            page.keyboard().press("Tab");
            assertThat(page.locator("#form-errors a[href='#f-email']")).isFocused();
            assertThat(focusRing(page)).isTrue();
            assertThat(page.locator("#f-email")).hasAttribute("aria-describedby", "e-email");

            // corrected by keyboard, Enter signs
            page.locator("#f-email").focus();
            page.keyboard().press("ControlOrMeta+A");
            page.keyboard().type(email);
            page.keyboard().press("Enter");
            assertThat(page.locator("main strong").first()).hasText(email);
        }
        assertThat(Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/")).startsWith("/confirm/");
    }

    /** The focused element, named by id, by name=value for radios, by name for checkboxes, or "submit". */
    private static String focused(Page page) {
        return (String) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (e.type === 'radio') return e.name + '=' + e.value;
                  if (e.type === 'checkbox') return e.name;
                  if (e.type === 'submit') return 'submit';
                  return e.id || e.tagName.toLowerCase();
                }
                """);
    }

    /** Whether the focused element draws an outline at least 2 px wide. */
    private static boolean focusRing(Page page) {
        return (Boolean) page.evaluate("""
                () => {
                  const s = getComputedStyle(document.activeElement);
                  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                }
                """);
    }
}
