package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * No string left behind: pages rendered in a pseudo-locale whose every message is wrapped in ⟦ ⟧ may show no text
 * outside the markers, except code and what is marked {@code translate="no"} (names, the letters' own words). The
 * parts of the interface moved to message bundles so far are checked here; each part moved later joins the list.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class PseudoLocaleTest {

    public static class Pseudo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.languages", "en,qps");
        }
    }

    @Test
    void thePseudoLocaleHasEveryMessageWrapped() throws Exception {
        assertWrapped(Messages.class, "/messages/msg_qps.properties");
        assertWrapped(SignMessages.class, "/messages/sign_qps.properties");
    }

    private static void assertWrapped(Class<?> bundle, String file) throws Exception {
        Properties pseudo = new Properties();
        try (InputStream in = bundle.getResourceAsStream(file)) {
            pseudo.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (Method m : bundle.getDeclaredMethods()) {
            String english = m.getAnnotation(Message.class).value();
            assertThat(pseudo.getProperty(m.getName()))
                    .as(m.getName())
                    .isEqualTo(m.getName().equals("lang") ? "qps" : "\u27e6" + english + "\u27e7");
        }
        assertThat(pseudo.stringPropertyNames()).hasSize(bundle.getDeclaredMethods().length);
    }

    @Test
    void theFrameTheHomePageAndTheSigningFormHaveNoTextOutsideMessages() {
        Document home = pseudo("/");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("qps");
        assertThat(outsideMessages(home.select("header.site, footer.site, main > h1, main > p.lead")))
                .isEmpty();

        Document letter = pseudo("/letters/sample-letter");
        assertThat(outsideMessages(letter.select("header.site, footer.site, form.sign")))
                .isEmpty();
    }

    /** Visible text outside ⟦ ⟧, leaving out code, dates, numbers, punctuation and what is marked translate="no". */
    private static List<String> outsideMessages(List<Element> regions) {
        List<String> found = new ArrayList<>();
        for (Element region : regions) {
            region.select("code, script, style, time, [translate=no]").remove();
            for (Element e : region.getAllElements()) {
                for (TextNode t : e.textNodes()) {
                    String rest =
                            t.text().replaceAll("\u27e6[^\u27e7]*\u27e7", "").replaceAll("[\\s\\d·.,:;()/<>+←-]", "");
                    if (!rest.isEmpty()) {
                        found.add("'" + t.text().strip() + "' in <" + e.tagName() + ">");
                    }
                }
            }
        }
        return found;
    }

    private static Document pseudo(String path) {
        return Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "qps")
                .get(path)
                .asString());
    }
}
