package org.undersigned.organisers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;
import org.undersigned.support.VirtualAuthenticator;

/**
 * The first admin of an installation without one: the start prints a one-time link in the log, once; following it
 * with a passkey makes an admin, after which no code is offered; a code set in the configuration works instead.
 */
@QuarkusTest
class AdminBootstrapTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+/organisers/enrol/[A-Za-z0-9_-]{43}");

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @Test
    void theFirstAdminEnrolsThroughTheLinkPrintedOnceInTheLogAndThenNoCodeWorks() throws SQLException {
        freshInstallation();
        List<String> first = logged(() -> bootstrap.prepare(Optional.empty()));
        Matcher link = LINK.matcher(String.join("\n", first));
        assertThat(link.find()).as("a link in %s", first).isTrue();

        // a second start (another replica, a restart) prints no new code: the one printed stays the one that works
        List<String> second = logged(() -> bootstrap.prepare(Optional.empty()));
        assertThat(String.join("\n", second))
                .doesNotContain("/organisers/enrol/")
                .contains("printed at the first start");

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions())) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            VirtualAuthenticator.on(page);
            page.navigate(link.group());
            assertThat(page.locator("main")).containsText("You are invited as an admin, named admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a passkey and sign in"))
                    .click();
            page.waitForURL(root + "organisers");
            assertThat(page.locator("main")).containsText("Signed in as admin (admin)");
            page.navigate(root + "organisers/invitations");
            assertThat(page.locator("h1")).hasText("Invitations and passkeys");
        }
        given().get(link.group().substring(link.group().indexOf("/organisers")))
                .then()
                .statusCode(410);
        assertThat(logged(() -> bootstrap.prepare(Optional.empty()))).isEmpty();
    }

    @Test
    void aConfiguredCodeIsTheFirstAdminsLinkAndIsNotPrinted() throws SQLException {
        freshInstallation();
        String code = "configured-bootstrap-code-0123456789";
        List<String> logged = logged(() -> bootstrap.prepare(Optional.of(code)));
        assertThat(String.join("\n", logged)).doesNotContain(code).contains("configured bootstrap code");
        given().get("/organisers/enrol/" + code)
                .then()
                .statusCode(200)
                .body(containsString("You are invited as an admin"));
    }

    private void freshInstallation() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM passkey WHERE owner_kind = 'organiser' AND owner IN "
                    + "(SELECT subject FROM organiser_account WHERE role = 'admin')");
            s.executeUpdate("DELETE FROM organiser_account WHERE role = 'admin'");
            s.executeUpdate("DELETE FROM organiser_invitation WHERE bootstrap IS NOT NULL");
        }
    }

    /** What AdminBootstrap logged while {@code action} ran, formatted. */
    private static List<String> logged(Runnable action) {
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(AdminBootstrap.class.getName());
        logger.addHandler(handler);
        try {
            QuarkusTransaction.requiringNew().run(action);
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }
}
