package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedPageTest {

    private static String serve(String html, String token) {
        return new String(SharedPage.split(html, "@@").with(token), StandardCharsets.UTF_8);
    }

    @Test
    void everyPlaceholderGetsTheVisitorsTokenAndTheRestIsKeptAsUtf8() {
        assertThat(serve("<p>Émile — 日本</p><input value=\"@@\"><input value=\"@@\">", "tok"))
                .isEqualTo("<p>Émile — 日本</p><input value=\"tok\"><input value=\"tok\">");
    }

    @Test
    void placeholdersAtEitherEndOrNoneAtAll() {
        assertThat(serve("@@middle@@", "t")).isEqualTo("tmiddlet");
        assertThat(serve("no form here", "t")).isEqualTo("no form here");
        assertThat(serve("", "t")).isEmpty();
    }
}
