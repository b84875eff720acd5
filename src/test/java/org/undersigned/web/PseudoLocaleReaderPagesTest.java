package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.PseudoText;
import org.undersigned.support.Signing;

/**
 * No string left behind on the readers' pages: the home page, a letter page with its thread summary, a comparison of
 * versions, a thread, the verify page (what the server renders), the organisers' page and an error page show no
 * text outside the pseudo-locale's markers, but for names, titles and the letters' and thread's own words.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class PseudoLocaleReaderPagesTest {

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @MailServer.Inject
    GreenMail mail;

    @Test
    void theReadersBundlesHaveEveryMessageWrapped() throws Exception {
        PseudoText.assertWrapped(ReaderMessages.class, "/messages/reader_qps.properties");
        PseudoText.assertWrapped(ErrorMessages.class, "/messages/errors_qps.properties");
        PseudoText.assertWrapped(VerifyMessages.class, "/messages/verify_qps.properties");
        PseudoText.assertWrapped(VerifyLogMessages.class, "/messages/verifylog_qps.properties");
        PseudoText.assertWrapped(VerifyCountMessages.class, "/messages/verifycount_qps.properties");
    }

    @Test
    void theVerifyScriptHasAnEnglishFallbackForEveryWordThePageGivesIt() throws IOException {
        String script;
        try (var in = getClass().getResourceAsStream("/META-INF/resources/js/verify.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Class<?> bundle : new Class<?>[] {VerifyLogMessages.class, VerifyCountMessages.class}) {
            for (Method m : bundle.getDeclaredMethods()) {
                assertThat(script).as(m.getName()).contains("    " + m.getName() + ": ");
            }
        }
    }

    @Test
    void theHomeAndALetterPageWithItsThreadHaveNoTextOutsideMessages() {
        assertOnlyMessages(PseudoText.page("/"));
        Document letter = PseudoText.page("/letters/thread-letter");
        assertThat(letter.select("section.thread-summary a[href$=/thread]")).hasSize(1);
        assertThat(letter.select(".text[data-content]").attr("lang")).isEqualTo("en");
        assertOnlyMessages(letter);
        assertOnlyMessages(PseudoText.page("/letters/sample-letter/v/1"));
        assertOnlyMessages(PseudoText.page("/press"));
    }

    @Test
    void theComparisonAndTheThreadHaveNoTextOutsideMessages() {
        Document diff = PseudoText.page("/letters/sample-letter/diff/1..3");
        assertThat(diff.select(".diff ins")).isNotEmpty();
        assertOnlyMessages(diff);
        Document thread = PseudoText.page("/letters/thread-letter/thread");
        assertThat(thread.select("li.claim")).isNotEmpty();
        assertThat(thread.select(".answer")).isNotEmpty();
        assertOnlyMessages(thread);
    }

    @Test
    void theVerifyPageHasNoTextOutsideMessagesAndGivesItsScriptItsWords() {
        Document verify = PseudoText.page("/letters/sample-letter/verify");
        String words = verify.selectFirst("script#verify-words").data();
        assertOnlyMessages(verify);
        assertThat(words).contains("\"stepKey\":\"\u27e6The log's public key\u27e7\"");
        assertThat(words)
                .contains("\"signatureOk\":\"\u27e6Tree size {size}, root {root}, signed with key {key}.\u27e7\"");
    }

    @Test
    void errorPagesHaveNoTextOutsideMessages() {
        for (String missing : new String[] {
            "/no-such-page", "/letters/no-such-letter", "/letters/sample-letter/v/9", "/letters/sample-letter/diff/x"
        }) {
            Document page = PseudoText.page(missing);
            assertThat(page.selectFirst("h1").text()).as(missing).isEqualTo("\u27e6Not Found\u27e7");
            assertOnlyMessages(page);
        }
    }

    @Test
    void theOrganisersPageHasNoTextOutsideMessages() {
        Signing.signAndConfirm(
                mail,
                "orcid-letter",
                Map.of(
                        "name",
                        "Avi Wigderson",
                        "email",
                        Signing.address("aw-qps", "example.org"),
                        "listing",
                        "public"));
        // and a namesake disputes another signature
        String disputed = Signing.signAndConfirm(
                mail,
                "orcid-letter",
                Map.of(
                        "name",
                        "Orla Namesake",
                        "email",
                        Signing.address("orla-qps", "example.org"),
                        "organisation",
                        "Somewhere",
                        "listing",
                        "public"));
        String disown = "/orcid/disown/orcid-letter/" + disputed;
        OrcidSession namesake =
                OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Orla NAMESAKE"), disown);
        Document report = Jsoup.parse(
                namesake.get(disown).then().statusCode(200).extract().asString());
        namesake.form(report, disown).post(disown).then().statusCode(202);
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), "/orcid/organiser");
        session.get("/orcid/organiser").then().statusCode(303);
        session.cookies().put(Languages.COOKIE, "qps");
        Document page = Jsoup.parse(
                session.get("/organisers").then().statusCode(200).extract().asString());
        assertThat(page.select("ul.held li")).isNotEmpty();
        assertThat(page.select("ul.disputes li")).isNotEmpty();
        assertOnlyMessages(page);
    }

    private static void assertOnlyMessages(Document page) {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(page.select("body"))).isEmpty();
    }
}
