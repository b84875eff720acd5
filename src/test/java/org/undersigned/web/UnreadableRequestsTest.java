package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnreadableRequestsTest {

    private static int statusFor(List<String> accept, List<String> contentType) {
        return UnreadableRequests.refusal("/letters/x", accept, contentType)
                .map(UnreadableRequests.Refusal::status)
                .orElse(200);
    }

    @Test
    void whatBrowsersCurlAndOldJavaClientsSendIsRead() {
        for (String accept : List.of(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
                "*/*",
                "application/json",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
                "application/json;charset=UTF-8",
                "text/*;q=0.3, text/html;q=0.7, text/html;level=1, text/html;level=2;q=0.4",
                "text/html, ,",
                "")) {
            assertThat(statusFor(List.of(accept), List.of())).as(accept).isEqualTo(200);
        }
        for (String type : List.of(
                "application/json",
                "application/x-www-form-urlencoded; charset=UTF-8",
                "multipart/form-data; boundary=\"----x y\"",
                "application/json;charset=utf-8")) {
            assertThat(statusFor(List.of(), List.of(type))).as(type).isEqualTo(200);
        }
    }

    @Test
    void malformedAcceptHeadersAreRefusedWith400() {
        for (String accept : List.of(
                "foo",
                "text/",
                "/html",
                "a/b/c",
                "text/html;q=abc",
                "text/html;q=2",
                "text/html;q=-1",
                "x; /x",
                "texté/html",
                "text/html\u0000",
                "() { :; }; echo")) {
            assertThat(statusFor(List.of(accept), List.of())).as(accept).isEqualTo(400);
        }
    }

    @Test
    void aNulInThePathOrQueryIsRefusedWith400() {
        for (String uri : List.of("/letters/a%00b", "/api/letters/x/signatories?q=%00", "/x\u0000")) {
            assertThat(UnreadableRequests.refusal(uri, List.of(), List.of()))
                    .as(uri)
                    .map(UnreadableRequests.Refusal::status)
                    .contains(400);
        }
        assertThat(UnreadableRequests.refusal("/letters/a%2500b?q=100%25", List.of(), List.of()))
                .isEmpty();
    }

    @Test
    void malformedContentTypesAreRefusedWith400AndUnknownCharsetsWith415() {
        for (String type : List.of("json", "application/", "*/*", "application/json;charset=\"", "a b/c", "")) {
            assertThat(statusFor(List.of(), List.of(type))).as(type).isEqualTo(400);
        }
        assertThat(statusFor(List.of(), List.of("application/json", "text/plain")))
                .isEqualTo(400);
        assertThat(statusFor(List.of(), List.of("application/json; charset=no-such-charset")))
                .isEqualTo(415);
        assertThat(statusFor(List.of(), List.of("application/json; charset=\u00e9")))
                .isEqualTo(400);
    }
}
