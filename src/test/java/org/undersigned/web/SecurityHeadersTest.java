package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void anHttpsPublicUrlSendsStrictTransportSecurityOnEveryAnswer() {
        for (String path : new String[] {"/", "/api/letters", "/q/openapi"}) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            SecurityHeaders.apply(headers, path, true);
            assertThat(headers.get("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        }
    }

    @Test
    void aPlainHttpPublicUrlSendsNoStrictTransportSecurity() {
        // HSTS over plain http would be ignored by browsers and would lock out a local development setup
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(headers, "/", false);
        assertThat(headers.get("Strict-Transport-Security")).isNull();
        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theHttpsSettingComesFromThePublicUrl() {
        assertThat(new SecurityHeaders(PublicUrl.of("https://letters.example.org")))
                .extracting("https")
                .isEqualTo(true);
        assertThat(new SecurityHeaders(PublicUrl.of("http://localhost:8080")))
                .extracting("https")
                .isEqualTo(false);
    }
}
