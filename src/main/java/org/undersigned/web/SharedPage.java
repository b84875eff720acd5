package org.undersigned.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page every visitor shares, kept as UTF-8 bytes around the places each visitor's CSRF token goes, so serving it
 * copies bytes instead of encoding the whole page again for every request.
 */
public record SharedPage(List<byte[]> parts) {

    static SharedPage split(String html, String placeholder) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(placeholder); at >= 0; at = html.indexOf(placeholder, from)) {
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + placeholder.length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new SharedPage(List.copyOf(parts));
    }

    /** The page with {@code token} (ASCII) where the placeholders were. */
    byte[] with(String token) {
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        int length = t.length * (parts.size() - 1);
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] page = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                System.arraycopy(t, 0, page, at, t.length);
                at += t.length;
            }
            System.arraycopy(parts.get(i), 0, page, at, parts.get(i).length);
            at += parts.get(i).length;
        }
        return page;
    }
}
