package org.undersigned.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mail made of a {@link MailShape} and the values of its blanks ({@code fills}), queued as such by the sign-up
 * writer ({@link Outbox#insertFrom}) and filled in when it is sent. {@link #render} gives the same mail whole.
 */
public record ShapedMail(
        String to, String subject, MailShape shape, Map<String, String> fills, String tag, String language) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ShapedMail {
        if (!fills.values().stream().allMatch(MailShape::fillable)) {
            throw new IllegalArgumentException("a blank's value may not hold U+0001 or be null");
        }
        fills = Map.copyOf(fills);
    }

    /** This mail to {@code to} with {@code fills}: a shape's words, kept once, serve every signer. */
    public ShapedMail to(String to, Map<String, String> fills) {
        return new ShapedMail(to, subject, shape, fills, tag, language);
    }

    public Mail render() {
        return new Mail(to, subject, shape.text(fills), shape.html(fills), null, tag, language);
    }

    /** The fills as the outbox stores them: a JSON object, keys in order. */
    public String fillsJson() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fills));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    static Map<String, String> fillsFrom(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outbox holds fills it did not write", e);
        }
    }
}
