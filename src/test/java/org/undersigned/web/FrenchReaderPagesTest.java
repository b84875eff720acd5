package org.undersigned.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Chromium;

/** A reader who chose French reads the thread and, in a real browser (Chromium), the verifier's results in French. */
@QuarkusTest
@TestProfile(LanguageTest.EnglishAndFrench.class)
class FrenchReaderPagesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theVerifyPageWritesItsResultsInTheReadersLanguage() {
        try (BrowserContext context = Chromium.browser().newContext()) {
            context.setDefaultTimeout(15_000);
            context.addCookies(List.of(new Cookie(Languages.COOKIE, "fr").setUrl(root.toString())));
            Page page = context.newPage();
            page.navigate(root + "letters/closed-letter/verify");
            Locator verdict = page.locator("#verdict");
            assertThat(verdict).hasAttribute("data-state", "empty");
            assertThat(verdict)
                    .hasText(
                            "Aucune signature n'a encore été journalisée : le point de contrôle signé du journal le dit.");
            assertThat(page.locator("li[data-step=key] strong")).hasText("La clé publique du journal");
            assertThat(page.locator("li[data-step=key] .state")).hasText("OK");
            assertThat(page.locator("li[data-step=key] .detail")).containsText("son identifiant est dérivé");
            assertThat(page.locator("h1")).hasText("Vérifiez le décompte vous-même");
        }
    }

    @Test
    void theThreadIsInTheReadersLanguageAndTheOrganisersWordsKeepTheirs() {
        Document thread = Jsoup.parse(given().accept("text/html")
                .cookie(Languages.COOKIE, "fr")
                .get("/letters/thread-letter/thread")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Assertions.assertThat(thread.selectFirst("html").attr("lang")).isEqualTo("fr");
        Assertions.assertThat(thread.selectFirst("h1").text()).isEqualTo("La controverse autour de cette lettre");
        Assertions.assertThat(thread.select("#response .kind").text()).isEqualTo("réponse");
        Assertions.assertThat(thread.select("#response-own-tests .unanswered").text())
                .isEqualTo("Pas encore de réponse.");
        Assertions.assertThat(
                        thread.select("#response-old-version [data-content]").attr("lang"))
                .isEqualTo("en");
        Assertions.assertThat(thread.select("#response-old-version").text())
                .contains("The study tested an old version of the service.");
    }
}
