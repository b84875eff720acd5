package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mail kept as a shape and fills is, once filled in, the mail it stands for. */
class ShapedMailTest {

    private static final MailShape SHAPE = MailShape.of(
            "Dear " + MailShape.blank("name") + ", confirm at " + MailShape.blank("link") + ".\n",
            "<p>Dear " + MailShape.blank("name") + ", <a href=\"" + MailShape.blank("link") + "\">confirm</a></p>");

    private static ShapedMail mail(String name) {
        return new ShapedMail(null, "Confirm", SHAPE, Map.of(), "confirm:x", "fr")
                .to("ann@example.org", Map.of("name", name, "link", "https://letters.example/confirm/a?b=c&d"));
    }

    @Test
    void eachBlankIsFilledAsItIsInTheTextAndEscapedInTheHtml() {
        Mail m = mail("Ann <b>\"O'Neil\"</b> & Co").render();
        assertThat(m.text())
                .isEqualTo("Dear Ann <b>\"O'Neil\"</b> & Co, confirm at https://letters.example/confirm/a?b=c&d.\n");
        assertThat(m.html())
                .isEqualTo("<p>Dear Ann &lt;b&gt;&quot;O&#39;Neil&quot;&lt;/b&gt; &amp; Co, "
                        + "<a href=\"https://letters.example/confirm/a?b=c&amp;d\">confirm</a></p>");
        assertThat(m.to()).isEqualTo("ann@example.org");
        assertThat(m.subject()).isEqualTo("Confirm");
        assertThat(m.tag()).isEqualTo("confirm:x");
        assertThat(m.language()).isEqualTo("fr");
    }

    @Test
    void aValueThatLooksLikeABlankIsNotFilledAgain() {
        Mail m = mail("{link} $1 \\ " + "name").render();
        assertThat(m.text()).startsWith("Dear {link} $1 \\ name, confirm at https://");
        assertThatThrownBy(() -> mail("evil " + MailShape.blank("link"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFillsTravelAsJsonAndComeBackTheSame() {
        ShapedMail m = mail("Zoë \"Z\" Ñ 山田");
        assertThat(ShapedMail.fillsFrom(m.fillsJson())).isEqualTo(m.fills());
        assertThat(SHAPE.text(ShapedMail.fillsFrom(m.fillsJson())))
                .isEqualTo(m.render().text());
    }

    @Test
    void aShapeIsNamedByItsBodiesAlone() {
        assertThat(MailShape.of("a", "b").id())
                .isEqualTo(MailShape.of("a", "b").id())
                .hasSize(64)
                .isNotEqualTo(MailShape.of("ab", "").id())
                .isNotEqualTo(MailShape.of("a", null).id());
    }
}
