package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.PseudoText;

/**
 * No string left behind: pages rendered in a pseudo-locale whose every message is wrapped in ⟦ ⟧ may show no text
 * outside the markers, except code and what is marked {@code translate="no"} (names, the letters' own words). The
 * parts of the interface moved to message bundles so far are checked here; each part moved later joins the list.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
public class PseudoLocaleTest {

    public static class Pseudo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.languages", PseudoText.LANGUAGES);
        }
    }

    @Test
    void thePseudoLocaleHasEveryMessageWrapped() throws Exception {
        PseudoText.assertWrapped(Messages.class, "/messages/msg_qps.properties");
        PseudoText.assertWrapped(SignMessages.class, "/messages/sign_qps.properties");
    }

    @Test
    void theFrameTheHomePageAndTheSigningFormHaveNoTextOutsideMessages() {
        Document home = PseudoText.page("/");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(home.select("header.site, footer.site, main > h1, main > p.lead")))
                .isEmpty();

        Document letter = PseudoText.page("/letters/sample-letter");
        assertThat(PseudoText.outsideMessages(letter.select("header.site, footer.site, form.sign")))
                .isEmpty();
    }
}
