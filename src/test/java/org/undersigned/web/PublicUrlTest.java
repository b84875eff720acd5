package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void aUrlWithPortAndTrailingSlashes() {
        assertParts(
                PublicUrl.of("http://localhost:8080//"),
                "http://localhost:8080",
                "localhost",
                "localhost:8080",
                "http://localhost:8080",
                false);
    }

    @Test
    void anHttpsUrlUnderAPath() {
        assertParts(
                PublicUrl.of("https://letters.example.org/open"),
                "https://letters.example.org/open",
                "letters.example.org",
                "letters.example.org",
                "https://letters.example.org",
                true);
    }

    private static void assertParts(
            PublicUrl url, String base, String host, String hostAndPort, String origin, boolean secure) {
        assertThat(url.base()).isEqualTo(base);
        assertThat(url.link("/letters/x")).isEqualTo(base + "/letters/x");
        assertThat(url.host()).isEqualTo(host);
        assertThat(url.hostAndPort()).isEqualTo(hostAndPort);
        assertThat(url.origin()).isEqualTo(origin);
        assertThat(url.secure()).isEqualTo(secure);
    }

    @Test
    void aLinkNeedsAnAbsolutePath() {
        PublicUrl url = PublicUrl.of("https://letters.example.org");
        assertThrows(IllegalArgumentException.class, () -> url.link("letters/x"));
    }

    @Test
    void aUrlThatDoesNotParseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PublicUrl.of("https://letters example.org"));
    }
}
