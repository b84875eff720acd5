package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.undersigned.letters.TextHash;
import org.undersigned.transparency.LogEntries;
import org.undersigned.web.AppSecrets;

/**
 * The pseudonyms and commitments the log holds instead of personal data (docs/ARCHITECTURE.md#the-log). A signer id is
 * HMAC-SHA256(pepper, letter ‖ LF ‖ identity): stable per person and letter, unlinkable across letters and
 * impossible to recompute without the pepper. A listing commitment is the SHA-256 of a listed signer's salted
 * public record; erasing the record and its salt leaves nothing the commitment can be checked against.
 */
@ApplicationScoped
class SignerIds {

    private final byte[] pepper;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final ListingSalts salts;

    SignerIds(SignaturesConfig config, AppSecrets secrets, ListingSalts salts) {
        this.salts = salts;
        String value =
                secrets.value("signer-pepper", config.pepper(), config.pepperFile(), "undersigned.signatures.pepper");
        this.pepper = Base64.getDecoder().decode(value);
        if (pepper.length < 32) {
            throw new IllegalArgumentException(
                    "undersigned.signatures.pepper must be at least 32 bytes, base64-encoded");
        }
    }

    /** {@code identity} is "email:<normalised address>" or "orcid:<iD>". */
    String signerId(String letter, String identity) {
        return HexFormat.of().formatHex(hmac(letter + "\n" + identity));
    }

    /** A keyed hash of a client network, so sign-ups can be matched by network without storing addresses. */
    String networkTag(String network) {
        return HexFormat.of().formatHex(hmac("network\n" + network)).substring(0, 32);
    }

    /** A keyed hash of a name's skeleton (verification.Names.skeleton): near-identical names match, no name is stored. */
    String nameTag(String skeleton) {
        return HexFormat.of().formatHex(hmac("name\n" + skeleton)).substring(0, 32);
    }

    /** The code of a signature's unsubscribe link: a keyed hash of its id, so nothing needs storing. */
    String unsubscribeCode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac("unsubscribe\n" + id), 16));
    }

    /** The code in a press subscriber's unsubscribe link: nothing to store, valid while the subscription exists. */
    String pressCode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOf(hmac("press-unsubscribe\n" + seq), 16));
    }

    /**
     * The WebAuthn user handle of a signature's passkeys: a keyed hash of its id, so it is the same for every passkey
     * of the signature (a passkey manager shows them as one account), needs no storing before the first passkey,
     * cannot be chosen by whoever finishes the ceremony, and says nothing about the person (WebAuthn §14.6.1).
     */
    String passkeyUserHandle(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("passkey-user\n" + id));
    }

    /** HMAC-SHA256 with the pepper; each use prefixes its own label, so no two uses can collide. */
    private byte[] hmac(String message) {
        return macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** A Mac per thread, keyed once: looking one up and keying it cost a sign-up more than the hashing itself. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh salt for a listing commitment. */
    String newSalt() {
        return salts.next();
    }

    /** The canonical public record of a listed signature, as served with the signatory list. */
    static String listingRecord(Signature s) {
        Map<String, Object> record = new TreeMap<>();
        record.put("name", s.name);
        if (s.organisation != null) {
            record.put("organisation", s.organisation);
        }
        if (s.role != null) {
            record.put("role", s.role);
        }
        record.put("identity", s.identityMethod.wire());
        record.put("affiliation", s.affiliationLevel.wire());
        record.put("salt", s.listingSalt);
        return LogEntries.canonical(record);
    }

    static String commitment(String record) {
        return TextHash.sha256(record);
    }
}
