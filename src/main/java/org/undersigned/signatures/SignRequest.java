package org.undersigned.signatures;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.Names;

/** What a signer sends, from the form or the JSON API. Validation names each bad field and what is wrong with it. */
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

    Map<String, FieldProblem> problems() {
        Map<String, FieldProblem> errors = new LinkedHashMap<>();
        String n = clean(name);
        if (n == null) {
            errors.put("name", FieldProblem.NAME_MISSING);
        } else if (n.length() > NAME_MAX) {
            errors.put("name", FieldProblem.NAME_TOO_LONG);
        }
        if (email == null || email.isBlank()) {
            errors.put("email", FieldProblem.EMAIL_MISSING);
        } else if (EmailAddress.read(email) instanceof EmailAddress.Invalid invalid) {
            errors.put("email", FieldProblem.of(invalid.flaw()));
        }
        if (clean(organisation) != null && clean(organisation).length() > ORGANISATION_MAX) {
            errors.put("organisation", FieldProblem.ORGANISATION_TOO_LONG);
        }
        if (clean(role) != null && clean(role).length() > ROLE_MAX) {
            errors.put("role", FieldProblem.ROLE_TOO_LONG);
        }
        if (clean(role) != null && clean(organisation) == null) {
            errors.put("organisation", FieldProblem.ORGANISATION_FOR_ROLE);
        }
        if (!"public".equals(listing) && !"private".equals(listing)) {
            errors.put("listing", FieldProblem.LISTING_MISSING);
        }
        if (clean(comment) != null && clean(comment).length() > COMMENT_MAX) {
            errors.put("comment", FieldProblem.COMMENT_TOO_LONG);
        }
        return errors;
    }

    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Trimmed, inner whitespace collapsed, control characters removed; null when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = SPACES.matcher(CONTROLS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                        .replaceAll(" "))
                .replaceAll(" ")
                .strip();
        return s.isEmpty() ? null : s;
    }

    static String fold(String text) {
        return Names.fold(text);
    }
}
