package org.undersigned.threads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.undersigned.transparency.LogEntries;

/**
 * The canonical form of a thread entry's revision, whose SHA-256 the letter's log records (README, "Threads"): the
 * RFC 8785 (JCS) serialisation of the entry as the thread API gives it, without what is derived or about revisions
 * ({@code html}, each point's {@code html}, {@code revisions}, {@code retracted}), fields whose value is null left
 * out at every level. That is the JSON an organiser publishes: {@code id, kind, title, organisation, author, date,
 * url, archived, respondsTo, claims [{id, text}], points [{claim, body}], body}.
 */
final class ThreadRevisions {

    private ThreadRevisions() {}

    static String canonical(ThreadEntry e) {
        Map<String, Object> form = new LinkedHashMap<>();
        put(form, "id", e.id());
        put(form, "kind", e.kind());
        put(form, "title", e.title());
        put(form, "organisation", e.organisation());
        put(form, "author", e.author());
        put(form, "date", e.date() == null ? null : e.date().toString());
        put(form, "url", e.url());
        if (e.archived() != null) {
            Map<String, Object> archived = new LinkedHashMap<>();
            put(archived, "sha256", e.archived().sha256());
            put(
                    archived,
                    "retrieved",
                    e.archived().retrieved() == null
                            ? null
                            : e.archived().retrieved().toString());
            form.put("archived", archived);
        }
        put(form, "respondsTo", e.respondsTo());
        form.put(
                "claims",
                e.claims().stream()
                        .map(c -> Map.of("id", c.id(), "text", c.text()))
                        .toList());
        form.put(
                "points",
                e.points().stream()
                        .map(p -> Map.of("claim", p.claim(), "body", p.body()))
                        .toList());
        put(form, "body", e.body());
        return LogEntries.canonical(form);
    }

    static String sha256(ThreadEntry e) {
        return sha256(canonical(e));
    }

    private static void put(Map<String, Object> form, String key, Object value) {
        if (value != null) {
            form.put(key, value);
        }
    }

    /** SHA-256 (hex) of a text's UTF-8 bytes. */
    static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
