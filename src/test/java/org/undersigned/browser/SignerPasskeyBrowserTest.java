package org.undersigned.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Axe;
import org.undersigned.support.Chromium;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Rows;
import org.undersigned.support.Signing;
import org.undersigned.support.VirtualAuthenticator;
import org.undersigned.transparency.TransparencyLog;

/**
 * Signers' passkeys in Chromium with a virtual authenticator (Chrome DevTools Protocol, WebAuthn domain): added on the
 * confirmation page, then used to withdraw or erase the signature. The authenticator belongs to the page, so each
 * test keeps one page and navigates it.
 */
@QuarkusTest
class SignerPasskeyBrowserTest {

    static final String LETTER = "signer-passkey-letter";

    @MailServer.Inject
    GreenMail mail;

    @TestHTTPResource("/")
    URL root;

    @Inject
    TransparencyLog log;

    @Inject
    DataSource dataSource;

    /** A signer who confirmed in the browser and added a passkey there; the page and its authenticator stay open. */
    private record Signer(String id, String email, Page page, VirtualAuthenticator authenticator) {}

    @Test
    void aSignerAddsAPasskeyWhenConfirmingAndWithdrawsWithItLater() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = context()) {
            long before = Counted.total(LETTER, log);
            Signer signer = signUpWithPasskey(context, "wanda");
            violations.put("confirmed, with the passkey offer", Axe.seriousViolations(signer.page()));
            Assertions.assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);

            Page page = signer.page();
            page.navigate(url("/letters/" + LETTER));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage your signature with a passkey"))
                    .click();
            page.waitForURL("**/signers/passkey");
            violations.put("sign in with a passkey", Axe.seriousViolations(page));
            signIn(page);
            assertThat(page.locator("#status")).hasText("Counted");
            assertThat(page.locator("main")).containsText("Passkeys for this signature: 1");
            violations.put("the signature's page", Axe.seriousViolations(page));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my signature"))
                    .click();
            assertThat(page.locator("h1")).hasText("Your signature is withdrawn");
            Assertions.assertThat(Counted.total(LETTER, log)).isEqualTo(before);
            // withdrawn, not erased: the passkey still opens it, to erase it later
            Assertions.assertThat(passkeysOf(signer.id())).isEqualTo(1);
            page.navigate(url("/signers/signature"));
            assertThat(page.locator("#status")).hasText("Withdrawn");
            violations.put("a withdrawn signature's page", Axe.seriousViolations(page));
        }
        Assertions.assertThat(violations)
                .allSatisfy(
                        (page, found) -> Assertions.assertThat(found).as(page).isEmpty());
    }

    @Test
    void erasingWithThePasskeyDeletesItSoTheAuthenticatorsCopyIsRefused() {
        try (BrowserContext context = context()) {
            Signer signer = signUpWithPasskey(context, "erin");
            Page page = signer.page();
            page.navigate(url("/signers/passkey"));
            signIn(page);
            page.getByLabel("Also erase my name, email and affiliation").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my signature"))
                    .click();
            assertThat(page.locator("h1")).hasText("Your signature is withdrawn");

            Assertions.assertThat(passkeysOf(signer.id())).isZero();
            Assertions.assertThat(Rows.count(
                            dataSource, "SELECT count(*) FROM signer_session WHERE signature_seq = ?", seq(signer)))
                    .isZero();
            Assertions.assertThat(Rows.count(
                            dataSource,
                            "SELECT count(*) FROM signature WHERE seq = ? AND name IS NULL AND email IS NULL",
                            seq(signer)))
                    .isEqualTo(1);
            // the session ended with the erasure
            Assertions.assertThat(page.navigate(url("/signers/signature")).status())
                    .isEqualTo(401);
            assertThat(page.locator("main a[href='/signers/passkey']")).hasCount(1);

            page.navigate(url("/signers/passkey"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my passkey"))
                    .click();
            assertThat(page.locator("[data-passkey] [role=status]"))
                    .hasText("This passkey is not known here: it may have been removed. Use the link in your mail"
                            + " instead.");
            Assertions.assertThat(signer.authenticator().credentials()).isEqualTo(1);
            Assertions.assertThat(page.url()).endsWith("/signers/passkey");
        }
    }

    @Test
    void aReplayedAssertionIsRefusedAndSignsNobodyIn() {
        try (BrowserContext context = context()) {
            Signer signer = signUpWithPasskey(context, "rory");
            Page page = signer.page();
            page.navigate(url("/signers/passkey"));
            AtomicReference<String> posted = new AtomicReference<>();
            page.onRequest((Request r) -> {
                if ("POST".equals(r.method()) && r.url().endsWith("/signers/passkeys/sign-in")) {
                    posted.set(r.postData());
                }
            });
            signIn(page);
            Assertions.assertThat(posted.get()).contains("authenticatorData");

            var replay = given().contentType(ContentType.JSON)
                    .accept(ContentType.JSON)
                    .body(posted.get())
                    .post("/signers/passkeys/sign-in");
            Assertions.assertThat(replay.statusCode()).isEqualTo(400);
            Assertions.assertThat(replay.getCookie("signer")).isNull();
            Assertions.assertThat(replay.jsonPath().getString("detail")).contains("expired or was used already");
            // only the browser's own sign-in made a session
            Assertions.assertThat(Rows.count(
                            dataSource, "SELECT count(*) FROM signer_session WHERE signature_seq = ?", seq(signer)))
                    .isEqualTo(1);
        }
    }

    @Test
    void erasingThroughTheMailedWithdrawalLinkDeletesThePasskeysToo() {
        try (BrowserContext context = context()) {
            Signer signer = signUpWithPasskey(context, "lena");
            Page page = signer.page();
            page.navigate(url("/signers/passkey"));
            signIn(page);
            Assertions.assertThat(passkeysOf(signer.id())).isEqualTo(1);

            String withdraw = Mailbox.link(Mailbox.await(mail, signer.email(), 2), "/withdraw/");
            FormSession.open(withdraw)
                    .post()
                    .formParam("erase", "yes")
                    .post(withdraw)
                    .then()
                    .statusCode(200);
            Assertions.assertThat(passkeysOf(signer.id())).isZero();
            Assertions.assertThat(page.navigate(url("/signers/signature")).status())
                    .as("the passkey's session ended with the erasure")
                    .isEqualTo(401);
        }
    }

    /** Signs by the API, confirms through the mailed link in the page, and adds a passkey on the page that follows. */
    private Signer signUpWithPasskey(BrowserContext context, String who) {
        String email = Signing.address(who, "example.org");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Pat " + who, "email", email, "listing", "public", "notify", "true"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        Page page = context.newPage();
        VirtualAuthenticator authenticator = VirtualAuthenticator.on(page);
        page.navigate(url(Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my signature"))
                .click();
        assertThat(page.locator("#passkey-heading")).hasText("Manage this signature later");
        Assertions.assertThat(passkeysOf(id)).isZero();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                .click();
        assertThat(page.locator("[data-passkey] [role=status]")).hasText("Done: your passkey is saved.");
        Assertions.assertThat(authenticator.credentials()).isEqualTo(1);
        Assertions.assertThat(passkeysOf(id)).isEqualTo(1);
        return new Signer(id, email, page, authenticator);
    }

    private void signIn(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my passkey"))
                .click();
        page.waitForURL("**/signers/signature");
        assertThat(page.locator("h1")).hasText("Your signature");
    }

    private static BrowserContext context() {
        // the CSP is bypassed only so that axe can be injected; the pages' own script is served from 'self'
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true));
        context.setDefaultTimeout(10_000);
        return context;
    }

    private long passkeysOf(String signatureId) {
        return Rows.count(
                dataSource,
                "SELECT count(*) FROM passkey p JOIN signature s ON p.owner = CAST(s.seq AS VARCHAR) "
                        + "WHERE p.owner_kind = 'signer' AND s.id = ?",
                UUID.fromString(signatureId));
    }

    private long seq(Signer signer) {
        return Rows.count(dataSource, "SELECT seq FROM signature WHERE id = ?", UUID.fromString(signer.id()));
    }

    private String url(String path) {
        return URI.create(root.toString()).resolve(path).toString();
    }
}
