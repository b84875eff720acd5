package org.undersigned.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](&#106;avascript:alert(1))",
                "[x](java%0ascript:alert(1))",
                "[x](  javascript:alert(1))",
                "![x](javascript:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "[x][r]\n\n[r]: javascript:alert(1)",
                "<javascript:alert(1)>",
                "<svg onload=alert(1)>",
            })
    void hostileMarkdownRendersInert(String hostile) {
        assertInert(Jsoup.parseBodyFragment(markdown.toHtml(hostile)));
    }

    @Test
    void rawHtmlIsShownAsTextNotInterpreted() {
        String html = markdown.toHtml("<b>bold?</b>");
        assertThat(html).contains("&lt;b&gt;bold?&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void ordinaryMarkdownStillWorks() {
        Document doc = Jsoup.parseBodyFragment(
                markdown.toHtml(
                        "# Title\n\nSome **bold** and a [link](https://example.org/a?b=c).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
        assertThat(doc.select("h1")).as("the page title is the only h1").isEmpty();
        assertThat(doc.select("h2").text()).isEqualTo("Title");
        assertThat(doc.select("strong").text()).isEqualTo("bold");
        assertThat(doc.select("a").attr("href")).isEqualTo("https://example.org/a?b=c");
        assertThat(doc.select("a").attr("rel")).contains("noopener");
        assertThat(doc.select("table td")).hasSize(2);
    }

    static void assertInert(Document doc) {
        assertThat(doc.select("script, iframe, object, embed, svg, style")).isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                assertThat(a.getKey())
                        .as("event attribute on <%s>", e.tagName())
                        .doesNotStartWithIgnoringCase("on");
                String value =
                        a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase();
                assertThat(value)
                        .as("%s on <%s>", a.getKey(), e.tagName())
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("data:")
                        .doesNotStartWith("vbscript:");
            });
        }
    }
}
