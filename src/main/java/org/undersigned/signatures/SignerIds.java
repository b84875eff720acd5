package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.web.AppSecrets;
import org.undersigned.transparency.LogEntries;

/**
 * The pseudonyms and commitments the log holds instead of personal data (DESIGN §6). A signer id is
 * HMAC-SHA256(pepper, letter ‖ LF ‖ identity): stable per person and letter, unlinkable across letters and
 * impossible to recompute without the pepper. A listing commitment is the SHA-256 of a listed signer's salted
 * public record; erasing the record and its salt leaves nothing the commitment can be checked against.
 */
@ApplicationScoped
class SignerIds {

    private final byte[] pepper;

    SignerIds(@ConfigProperty(name = "undersigned.signatures.pepper") Optional<String> configured, AppSecrets secrets) {
        String value = configured.filter(s -> !s.isBlank()).orElseGet(() -> secrets.getOrCreate("signer-pepper", () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }));
        this.pepper = Base64.getDecoder().decode(value);
        if (pepper.length < 32) {
            throw new IllegalArgumentException("undersigned.signatures.pepper must be at least 32 bytes, base64-encoded");
        }
    }

    /** {@code identity} is "email:<normalised address>" or "orcid:<iD>". */
        /** A keyed hash of a client network, so sign-ups can be matched by network without storing addresses. */
    String networkTag(String network) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(("network\n" + network)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

String signerId(String letter, String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((letter + "\n" + identity).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newSalt() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The canonical public record of a listed signature, as served with the signatory list. */
    static String listingRecord(Signature s) {
        java.util.Map<String, Object> record = new java.util.TreeMap<>();
        record.put("name", s.name);
        if (s.organisation != null) {
            record.put("organisation", s.organisation);
        }
        if (s.role != null) {
            record.put("role", s.role);
        }
        record.put("identity", s.identityMethod);
        record.put("affiliation", s.affiliationLevel);
        record.put("salt", s.listingSalt);
        return LogEntries.canonical(record);
    }

    static String commitment(String record) {
        return org.undersigned.letters.TextHash.sha256(record);
    }
}
