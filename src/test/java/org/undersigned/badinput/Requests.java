package org.undersigned.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds the suite's malformed requests from one seeded {@link Random}: a seed always gives the same requests. */
final class Requests {

    private static final List<String> BAD_ACCEPT = List.of(
            "foo",
            "text/",
            "/html",
            "a/b/c",
            "text/html;q=abc",
            "text/html;q=2",
            "*/*;q=-1",
            "x; /x",
            "() { :; }; echo",
            "text/html,,;",
            "application/json;charset=\"",
            "\u00e9/\u00e9");
    private static final List<String> ODD_ACCEPT =
            List.of("image/png", "application/xml", "text/plain", "text/csv", "application/atom+xml", "*/*;q=0");
    private static final List<String> BAD_CONTENT_TYPE = List.of(
            "json",
            "application/",
            "*/*",
            "application/json;charset=nope",
            "application/json; charset=\u00e9",
            "application/x-www-form-urlencoded;charset=UTF-16BE",
            "multipart/form-data",
            "text/plain",
            "application/xml",
            "application/json, text/plain",
            "");
    private static final List<String> EXTRA_HEADERS = List.of(
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "Forwarded",
            "If-None-Match",
            "If-Modified-Since",
            "Origin",
            "Referer",
            "Accept-Language",
            "Accept-Encoding",
            "User-Agent",
            "Range",
            "Authorization",
            "Cookie",
            "Sec-Fetch-Site",
            "X-Unknown");

    private final Junk junk;
    private final String csrf;

    Requests(long seed, String csrf) {
        this.junk = new Junk(new Random(seed));
        this.csrf = csrf;
    }

    RawRequest next(Endpoint endpoint) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        accept(endpoint).ifPresent(v -> headers.add(Map.entry("Accept", v)));
        byte[] body = new byte[0];
        if (endpoint.body() != Endpoint.Body.NONE) {
            String contentType = junk.chance(82)
                    ? (endpoint.body() == Endpoint.Body.JSON ? "application/json" : "application/x-www-form-urlencoded")
                    : junk.pick(BAD_CONTENT_TYPE);
            if (junk.chance(97)) {
                headers.add(Map.entry("Content-Type", contentType));
            }
            body = (endpoint.body() == Endpoint.Body.JSON ? json(endpoint) : form(endpoint))
                    .getBytes(StandardCharsets.UTF_8);
        } else if (junk.chance(5)) {
            headers.add(Map.entry("Content-Type", junk.chance(50) ? junk.pick(BAD_CONTENT_TYPE) : junk.headerValue()));
        }
        if (junk.chance(85)) {
            headers.add(Map.entry("Cookie", "csrf=" + csrf));
        }
        int extras = junk.chance(35) ? 1 + junk.below(3) : 0;
        for (int i = 0; i < extras; i++) {
            String name = junk.pick(EXTRA_HEADERS);
            String value = name.equals("Sec-Fetch-Site") && junk.chance(50) ? "cross-site" : junk.headerValue();
            headers.add(Map.entry(name, value));
        }
        String method =
                junk.chance(3) ? junk.pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) : endpoint.method();
        return new RawRequest(endpoint.handler(), method, endpoint.path().apply(junk), headers, body);
    }

    private java.util.Optional<String> accept(Endpoint endpoint) {
        int roll = junk.below(100);
        if (roll < 10) {
            return java.util.Optional.empty();
        }
        if (roll < 22) {
            return java.util.Optional.of(junk.chance(70) ? junk.pick(BAD_ACCEPT) : junk.headerValue());
        }
        if (roll < 27) {
            return java.util.Optional.of(junk.pick(ODD_ACCEPT));
        }
        // what a browser sends to pages, what an API client sends to the API (else the answer is 406, unreached)
        boolean page = endpoint.handler().contains("Page");
        return java.util.Optional.of(junk.pick(
                page
                        ? List.of(
                                "*/*",
                                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                                "text/html",
                                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
                        : List.of(
                                "*/*",
                                "application/json",
                                "application/problem+json, application/json;q=0.9, */*;q=0.1",
                                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")));
    }

    // ---- bodies ----------------------------------------------------------------------------------------------

    private String json(Endpoint endpoint) {
        List<String> fields = endpoint.handler().equals("SignatureApi.confirm")
                ? List.of("token")
                : endpoint.handler().startsWith("SignerPasskeyResource")
                        ? List.of("id", "rawId", "type", "response", "clientExtensionResults")
                        : List.of("name", "email", "organisation", "role", "listing", "comment", "notify");
        return switch (junk.below(10)) {
            case 0 -> broken(object(fields));
            case 1 -> junk.pick(List.of("", "null", "[]", "\"text\"", "42", "true", "{", "}", "{\"name\":}", "\u0000"));
            case 2 -> "[".repeat(2_000 + junk.below(3_000)) + "]".repeat(junk.below(10));
            case 3 -> "{\"name\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500) + "}";
            case 4 -> junk.value();
            default -> object(fields);
        };
    }

    /** A JSON object of the expected fields, each plausible, malformed or of the wrong type; some missing. */
    private String object(List<String> fields) {
        StringBuilder o = new StringBuilder("{");
        for (String field : fields) {
            if (junk.chance(15)) {
                continue;
            }
            if (o.length() > 1) {
                o.append(',');
            }
            o.append(quote(junk.chance(95) ? field : junk.value())).append(':').append(jsonValue(field));
        }
        if (junk.chance(10)) {
            o.append(o.length() > 1 ? "," : "")
                    .append(quote(junk.value()))
                    .append(':')
                    .append(jsonValue("x"));
        }
        return o.append('}').toString();
    }

    private String jsonValue(String field) {
        if (field.equals("response") && junk.chance(60)) {
            return webAuthnResponse();
        }
        return switch (junk.below(10)) {
            case 0 -> junk.pick(List.of("null", "true", "1", "-1.5e400", "[]", "{}", "[\"a\",1]", "{\"x\":[null]}"));
            case 1 -> "\"\\u0000" + escape(junk.value()) + "\\ud800\"";
            case 2, 3 -> quote(junk.value());
            default -> quote(plausible(field));
        };
    }

    /** A passkey's answer in WebAuthn's JSON shape, its parts base64url of junk or of a client data object. */
    private String webAuthnResponse() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String clientData = "{\"type\":\"" + junk.pick(List.of("webauthn.get", "webauthn.create", "x"))
                + "\",\"challenge\":\"" + b64.encodeToString(junk.ascii(32).getBytes(StandardCharsets.UTF_8))
                + "\",\"origin\":\"http://localhost\"}";
        StringBuilder o = new StringBuilder("{");
        for (String part :
                List.of("clientDataJSON", "authenticatorData", "signature", "attestationObject", "userHandle")) {
            if (junk.chance(20)) {
                continue;
            }
            String value = part.equals("clientDataJSON") && junk.chance(70) ? clientData : junk.value();
            o.append(o.length() > 1 ? "," : "")
                    .append(quote(part))
                    .append(':')
                    .append(quote(b64.encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return o.append('}').toString();
    }

    private String plausible(String field) {
        return switch (field) {
            case "email" -> "bad-input-" + junk.below(1_000_000) + "@example.org";
            case "listing" -> junk.pick(List.of("public", "private", "PUBLIC", "secret"));
            case "notify" -> junk.pick(List.of("true", "false", "on"));
            case "token" -> junk.pick(List.of("A".repeat(43), "x"));
            case "name" ->
                junk.pick(List.of("Ada Lovelace", "<b>Ada</b>", "Ada \u00e9\u4E2D")) + " " + junk.below(1000);
            default -> junk.ascii(1 + junk.below(20));
        };
    }

    private String broken(String json) {
        if (json.length() < 3) {
            return json + "{";
        }
        return switch (junk.below(4)) {
            case 0 -> json.substring(0, 1 + junk.below(json.length() - 1));
            case 1 -> json.replace(":", junk.pick(List.of("", "::", "=", ": ,")));
            case 2 -> json + junk.pick(List.of("}", ",", "garbage", "\u0000"));
            default -> json.replace("\"", junk.pick(List.of("'", "", "\\")));
        };
    }

    private static String quote(String s) {
        return "\"" + escape(s) + "\"";
    }

    private static String escape(String s) {
        StringBuilder e = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> e.append("\\\"");
                case '\\' -> e.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        e.append(String.format("\\u%04x", (int) c));
                    } else {
                        e.append(c);
                    }
                }
            }
        }
        return e.toString();
    }

    private String form(Endpoint endpoint) {
        List<String> fields = switch (endpoint.handler()) {
            case "SignaturePages.sign" ->
                List.of("name", "email", "organisation", "role", "listing", "comment", "notify");
            case "SignaturePages.act" -> List.of("erase");
            case "DisownPages.byEmail" -> List.of("email");
            case "NewsPages.unsubscribe" -> List.of("List-Unsubscribe");
            default -> List.of();
        };
        if (junk.chance(5)) {
            return junk.pick(List.of("%", "%zz=1", "a=%E0%A4%A", "=&=&&", "\u0000", "csrf")) + "&csrf=" + csrf;
        }
        StringBuilder f = new StringBuilder();
        for (String field : fields) {
            if (junk.chance(15)) {
                continue;
            }
            String value = junk.chance(50)
                    ? plausible(field)
                    : field.equals("List-Unsubscribe") && junk.chance(50) ? "One-Click" : junk.value();
            append(f, field, value);
            if (junk.chance(5)) {
                append(f, field, junk.value());
            }
        }
        if (junk.chance(90)) {
            append(f, "csrf", junk.chance(90) ? csrf : junk.value());
        }
        if (junk.chance(10)) {
            append(f, junk.value(), junk.value());
        }
        return f.toString();
    }

    private void append(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        boolean raw = junk.chance(5);
        form.append(raw ? name : Junk.encode(name)).append('=').append(raw ? value : Junk.encode(value));
    }
}
