package org.undersigned.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The pseudo-locale {@code qps} wraps every message in ⟦ ⟧; text outside the markers was not translated. Used by the
 * "no string left behind" tests, which run with {@code undersigned.languages=en,qps}.
 */
public final class PseudoText {

    public static final String LANGUAGES = "en,qps";

    private PseudoText() {}

    /** Every message of the bundle, wrapped in ⟦ ⟧ in its qps file (the language tag itself excepted). */
    public static void assertWrapped(Class<?> bundle, String file) throws Exception {
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

    /**
     * Visible text outside ⟦ ⟧, leaving out code, dates, numbers, punctuation, what is marked translate="no" and
     * content in its own words (data-content: letter texts, the organisers' thread).
     */
    public static List<String> outsideMessages(List<Element> regions) {
        List<String> found = new ArrayList<>();
        for (Element region : regions) {
            region.select("code, script, style, time, [translate=no], [data-content]")
                    .remove();
            for (Element e : region.getAllElements()) {
                for (TextNode t : e.textNodes()) {
                    if (!outside(t.text()).isEmpty()) {
                        found.add("'" + t.text().strip() + "' in <" + e.tagName() + ">");
                    }
                }
            }
        }
        return found;
    }

    /** What of a text is neither wrapped nor digits, spaces or punctuation (empty when all is translated). */
    public static String outside(String text) {
        return text.replaceAll("\u27e6[^\u27e7]*\u27e7", "").replaceAll("[\\s\\d·.,:;()/<>+←›-]", "");
    }

    /** A page as a reader whose browser asks for the pseudo-locale gets it. */
    public static Document page(String path) {
        return Jsoup.parse(given().accept("text/html")
                .header("Accept-Language", "qps")
                .get(path)
                .asString());
    }
}
