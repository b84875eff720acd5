package org.undersigned.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Malformed values drawn from a seeded {@link Random}: the same seed gives the same values. */
final class Junk {

    private static final List<String> NASTY = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "null",
            "undefined",
            "-1",
            "0",
            "-0",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "Infinity",
            "0x10",
            "1.5",
            "true",
            "[]",
            "{}",
            "..",
            "../../etc/passwd",
            "%",
            "%zz",
            "%00",
            "%C0%AF",
            "%FF%FE",
            "'; DROP TABLE signature; --",
            "' OR '1'='1",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "{{7*7}}",
            "${jndi:ldap://127.0.0.1/x}",
            "\u202Egnp.exe",
            "Z\u0351\u0356\u0337a\u0352\u0330l\u0334g\u0300o",
            "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB",
            "\uFEFF",
            "\uD800",
            "\u0430\u0435\u043E",
            "\u4E2D\u6587",
            "\t\u000B\u000C",
            "a@b",
            "@",
            "x@localhost",
            "name@example.org",
            "1..2",
            "2..1",
            "0..0",
            "1..999999999999",
            "a..b",
            "0/x000",
            "1/000.p/0",
            "entries/000",
            "entries/x001.p/300");

    private final Random random;

    Junk(Random random) {
        this.random = random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A malformed value of any kind. */
    String value() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> pick(NASTY);
            case 3 -> unicode(1 + random.nextInt(40));
            case 4 -> huge();
            case 5 -> String.valueOf(random.nextLong());
            case 6 -> pick(NASTY) + unicode(random.nextInt(5)) + pick(NASTY);
            default -> ascii(1 + random.nextInt(80));
        };
    }

    /** Mostly one of {@code plausible}, otherwise a malformed value. */
    String value(List<String> plausible) {
        return chance(55) ? pick(plausible) : value();
    }

    /** Long enough to pass any field limit, short enough for the body and header limits mostly. */
    String huge() {
        int n = switch (random.nextInt(4)) {
            case 0 -> 257;
            case 1 -> 1_001;
            case 2 -> 5_000 + random.nextInt(5_000);
            default -> 40_000 + random.nextInt(30_000);
        };
        String unit = chance(50) ? "A" : pick(List.of("\u00e9", "\uD83D\uDE00", "<b>", "%", "\u0000"));
        return unit.repeat(Math.max(1, n / unit.length()));
    }

    String unicode(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20); // controls, NUL included
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x0300 + random.nextInt(0x70); // combining marks
                case 3 -> 0x1F300 + random.nextInt(0x300); // emoji, astral
                case 4 -> 0xFFF0 + random.nextInt(0x10);
                default -> 0x20 + random.nextInt(0x5F);
            };
            if (Character.isValidCodePoint(cp)) {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    String ascii(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (0x21 + random.nextInt(0x5E)));
        }
        return s.toString();
    }

    /** A value safe in a header line: no CR or LF, which would split the request itself. */
    String headerValue() {
        String v = chance(60) ? value() : unicode(1 + random.nextInt(30));
        v = v.replace('\r', ' ').replace('\n', ' ');
        return v.length() > 6_000 ? v.substring(0, 6_000) : v;
    }

    /** A path segment: percent-encoded mostly (it then reaches the resource), sometimes sent raw. */
    String segment(String value) {
        String v = fitting(value);
        if (chance(85)) {
            return encode(v);
        }
        return v.replace(" ", "%20")
                .replace("?", "%3F")
                .replace("#", "%23")
                .replace("\r", "")
                .replace("\n", "");
    }

    /**
     * Mostly short enough for the request line's limit (4,096 bytes), so the value reaches the resource; sometimes
     * whole, to be refused with a 414.
     */
    String fitting(String value) {
        int max = chance(90) ? 300 : 3_000;
        return value.length() > max ? value.substring(0, max) : value;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
