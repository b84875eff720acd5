package org.undersigned.attestations.dsse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The little JSON writing this package needs, without a library: RFC 8259 strings and values. Escaping follows
 * RFC 8785 (JCS) §3.2.2.2: only the quote, the backslash and U+0000..U+001F, short forms where JSON has them, else
 * backslash, u and four lower-case hex digits; everything else is written as itself, so the UTF-8 bytes are the
 * text's own.
 */
public final class Json {

    private Json() {}

    /**
     * RFC 8785 (JCS) text of a value built of strings, integers, booleans, null, lists and maps: keys sorted by UTF-16
     * code units (§3.2.3), strings escaped as §3.2.2.2 says, no whitespace. Not for fractional numbers, whose JCS form
     * (ECMAScript's shortest round trip) this writer does not produce.
     */
    public static String canonical(Object value) {
        StringBuilder out = new StringBuilder(256);
        value(out, value);
        return out.toString();
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        string(out, value);
        return out.toString();
    }

    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // a lone surrogate has no UTF-8 form: getBytes would silently sign a '?' instead
                        throw new IllegalArgumentException("string is not valid Unicode (lone surrogate)");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** String, Number, Boolean, null, List and Map with String keys, nested; map keys in sorted order. */
    static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            object(out, map);
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + value.getClass().getName());
        }
    }

    // sorted by String.compareTo, i.e. UTF-16 code units, the order RFC 8785 §3.2.3 uses, so output is deterministic
    private static void object(StringBuilder out, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, v) -> {
            if (!(key instanceof String k)) {
                throw new IllegalArgumentException("JSON object keys must be strings");
            }
            sorted.put(k, v);
        });
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            out.append(separator);
            string(out, entry.getKey());
            out.append(':');
            value(out, entry.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static String number(Number n) {
        if (n instanceof Integer
                || n instanceof Long
                || n instanceof Short
                || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal d) {
            return d.toString();
        }
        if (n instanceof Double || n instanceof Float) {
            // JSON has no NaN or Infinity
            if (!Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("JSON numbers must be finite");
            }
            return n.toString();
        }
        // AtomicLong, LongAdder and the like: their toString is not a promise of JSON syntax
        throw new IllegalArgumentException(
                "unsupported number type: " + n.getClass().getName());
    }

    /** UTF-8 bytes of a string that has them; a lone surrogate is refused rather than replaced with '?'. */
    static byte[] utf8(String text) {
        string(new StringBuilder(), text);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
