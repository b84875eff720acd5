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
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;

/**
 * The pages that matter, audited by axe-core in Chromium as a reader sees them: no serious or critical violation on
 * the home page, a letter page, the whole signing flow (form, errors, mail sent, mailed link, confirmation), the list
 * of who signed, a thread, the verify page after its checks, the organisers' page and the console (dashboard, bulk
 * invalidation and its preview, audit trail).
 */
@QuarkusTest
class AccessibilityTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @TestHTTPResource("/")
    URL root;

    @Test
    void readersPagesHaveNoSeriousViolations() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (BrowserContext context = audited()) {
            Page page = context.newPage();
            audit(found, page, "home", "/");
            audit(found, page, "letter page", "/letters/" + LETTER);
            audit(found, page, "thread", "/letters/thread-letter/thread");
            audit(found, page, "letter with a thread", "/letters/thread-letter");
            audit(found, page, "who signed", "/letters/" + LETTER + "/signatories");
            page.navigate(url("/letters/" + LETTER + "/verify"));
            assertThat(page.locator("#verdict")).not().hasAttribute("data-state", "pending");
            found.put("verify page (checked)", Axe.seriousViolations(page));
        }
        assertThat(found)
                .allSatisfy(
                        (where, violations) -> assertThat(violations).as(where).isEmpty());
    }

    @Test
    void theSigningFlowHasNoSeriousViolations() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "axe-" + suffix + "@example.org";
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (BrowserContext context = audited()) {
            Page page = context.newPage();
            audit(found, page, "signing form", "/letters/" + LETTER + "/sign");

            page.locator("#f-name").fill("Ada Audit " + suffix);
            page.locator("#f-email").fill("someone@localhost");
            page.locator("form.sign button[type=submit]").click();
            assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
            found.put("form with errors", Axe.seriousViolations(page));

            page.locator("#f-email").fill(email);
            page.locator("form.sign button[type=submit]").click();
            assertThat(page.locator("main strong").first()).hasText(email);
            found.put("mail sent", Axe.seriousViolations(page));

            audit(found, page, "mailed link", Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/"));
            page.locator("main form button[type=submit]").first().click();
            assertThat(page.locator("h1")).containsText(":");
            found.put("confirmed", Axe.seriousViolations(page));
        }
        assertThat(found)
                .allSatisfy(
                        (where, violations) -> assertThat(violations).as(where).isEmpty());
    }

    @Test
    void theOrganisersPagesAndConsoleHaveNoSeriousViolations() {
        Signing.signAndConfirm(
                mail,
                "orcid-letter",
                Map.of(
                        "name",
                        "Avi Wigderson",
                        "email",
                        Signing.address("axe-aw", "example.org"),
                        "listing",
                        "public"));
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), "/orcid/organiser");
        session.get("/orcid/organiser");
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (BrowserContext context = audited()) {
            context.addCookies(
                    List.of(new Cookie("organiser", session.cookies().get("organiser")).setUrl(root.toString())));
            Page page = context.newPage();
            audit(found, page, "organisers", "/organisers");
            audit(found, page, "dashboard", "/organisers/letters/orcid-letter");
            audit(found, page, "bulk invalidation", "/organisers/letters/orcid-letter/invalidations");
            page.getByLabel("Email domain").fill("example.org");
            page.getByLabel("Reason code").fill("spam");
            page.locator("form.console button[type=submit]").click();
            assertThat(page.locator("h1")).containsText("Preview");
            found.put("bulk preview", Axe.seriousViolations(page));
            audit(found, page, "audit trail", "/organisers/audit?letter=orcid-letter");
        }
        assertThat(found)
                .allSatisfy(
                        (where, violations) -> assertThat(violations).as(where).isEmpty());
    }

    private void audit(Map<String, List<String>> found, Page page, String name, String path) {
        assertThat(page.navigate(url(path)).status()).as(name).isLessThan(400);
        found.put(name, Axe.seriousViolations(page));
    }

    private static BrowserContext audited() {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true));
        context.setDefaultTimeout(15_000);
        return context;
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
