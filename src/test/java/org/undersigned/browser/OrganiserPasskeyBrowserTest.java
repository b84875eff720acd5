package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;
import org.undersigned.support.VirtualAuthenticator;

/**
 * Organisers' passkeys in Chromium with a virtual authenticator: an admin invites someone, who follows the link,
 * creates a passkey and is signed in; the link then no longer works; they sign in later with the passkey, and the
 * very answer their browser sent is refused when sent again. Each page is audited by axe-core.
 */
@QuarkusTest
class OrganiserPasskeyBrowserTest {

    static final String LETTER = "console-letter";

    @Inject
    OrganiserTokens tokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anInvitedOrganiserEnrolsWithAPasskeyAndSignsInWithItWhileAReplayedAnswerIsRefused() {
        String admin = tokens.mint("bot:passkey-admin", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        String link;
        try (BrowserContext context = browser()) {
            context.addCookies(List.of(new Cookie("organiser", admin).setUrl(root.toString())));
            Page page = context.newPage();
            page.navigate(root + "organisers");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invitations and passkeys"))
                    .click();
            assertThat(Axe.seriousViolations(page)).isEmpty();
            page.locator("#i-subject").fill("ann.passkey");
            page.locator("#i-letters").fill(LETTER);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the invitation link"))
                    .click();
            link = page.locator("#invitation-link").inputValue();
            assertThat(link).startsWith(root + "organisers/enrol/");
            assertThat(Axe.seriousViolations(page)).isEmpty();
            page.navigate(root + "organisers/invitations");
            assertThat(page.locator("table").first()).containsText("ann.passkey");
        }

        try (BrowserContext context = browser()) {
            Page page = context.newPage();
            VirtualAuthenticator authenticator = VirtualAuthenticator.on(page);
            page.navigate(link);
            assertThat(page.locator("main")).containsText("You are invited as an organiser, named ann.passkey");
            assertThat(Axe.seriousViolations(page)).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a passkey and sign in"))
                    .click();
            page.waitForURL(root + "organisers");
            assertThat(page.locator("main")).containsText("Signed in as ann.passkey");
            assertThat(authenticator.credentials()).isEqualTo(1);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();
            Response again = page.navigate(link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(page.locator("main")).containsText("This invitation link does not work");

            page.navigate(root + "organisers/sign-in");
            assertThat(Axe.seriousViolations(page)).isEmpty();
            Request sent = page.waitForRequest(
                    r -> r.url().equals(root + "organisers/passkey"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey"))
                            .click());
            page.waitForURL(root + "organisers");
            assertThat(page.locator("main")).containsText("Signed in as ann.passkey");

            given().contentType("application/json")
                    .accept("application/json")
                    .body(sent.postData())
                    .post("/organisers/passkey")
                    .then()
                    .statusCode(400)
                    .header("Set-Cookie", nullValue())
                    .body("detail", containsString("expired or was used already"));
        }

        given().auth()
                .oauth2(admin)
                .get("/organisers/audit?actor=ann.passkey")
                .then()
                .statusCode(200)
                .body(containsString("passkey-enrol"))
                .body(containsString("by passkey"));
    }

    @Test
    void aReaderWhoIsNotSignedInIsLedToTheSignInPageWhichWithoutJavaScriptSaysPasskeysNeedIt() {
        try (BrowserContext context =
                Chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            Response refused = page.navigate(root + "organisers");
            assertThat(refused.status()).isEqualTo(401);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                    .click();
            assertThat(page).hasURL(root + "organisers/sign-in");
            assertThat(page.locator("main")).containsText("Passkeys need JavaScript");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")))
                    .isHidden();
        }
    }

    private BrowserContext browser() {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true));
        context.setDefaultTimeout(15_000);
        return context;
    }
}
