package org.undersigned.signatures;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.Names;

/** What a signer sends, from the form or the JSON API. Validation names each bad field in plain words. */
public record SignRequest(
        String name,
        String email,
        String organisation,
        String role,
        String listing,
        String comment,
        @JsonProperty("notify") Boolean notifyMe) {

    static final int NAME_MAX = 200;
    static final int ORGANISATION_MAX = 200;
    static final int ROLE_MAX = 200;
    static final int COMMENT_MAX = 1000;

    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = clean(name);
        if (n == null) {
            errors.put("name", "Please give your name as it should appear.");
        } else if (n.length() > NAME_MAX) {
            errors.put("name", "Your name can be at most " + NAME_MAX + " characters.");
        }
        if (email == null || email.isBlank()) {
            errors.put("email", "Please give your email address: we send a link to confirm your signature.");
        } else if (EmailAddress.read(email) instanceof EmailAddress.Invalid invalid) {
            errors.put("email", invalid.problem());
        }
        if (clean(organisation) != null && clean(organisation).length() > ORGANISATION_MAX) {
            errors.put("organisation", "The organisation can be at most " + ORGANISATION_MAX + " characters.");
        }
        if (clean(role) != null && clean(role).length() > ROLE_MAX) {
            errors.put("role", "The role can be at most " + ROLE_MAX + " characters.");
        }
        if (clean(role) != null && clean(organisation) == null) {
            errors.put("organisation", "Please name the organisation your role is at, or leave the role empty.");
        }
        if (!"public".equals(listing) && !"private".equals(listing)) {
            errors.put("listing", "Choose whether your name is listed publicly or only counted.");
        }
        if (clean(comment) != null && clean(comment).length() > COMMENT_MAX) {
            errors.put("comment", "The comment can be at most " + COMMENT_MAX + " characters.");
        }
        return errors;
    }

    /** Trimmed, inner whitespace collapsed, control characters removed; null when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return s.isEmpty() ? null : s;
    }

    static String fold(String text) {
        return Names.fold(text);
    }
}
