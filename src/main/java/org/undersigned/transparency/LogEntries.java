package org.undersigned.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The log's entries (docs/ARCHITECTURE.md#the-log): one event each, as RFC 8785 canonical JSON, never holding an
 * email address or a private signer's name: signers appear only by their pseudonymous id, listed signers by a salted
 * commitment.
 */
public final class LogEntries {

    public static final int VERSION = 1;
    static final String KEY_ROTATION = "key-rotation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogEntries() {}

    /** {@code listing} is null for a signer who chose not to be listed. */
    public static String signature(
            String letter,
            int version,
            String textSha256,
            Instant time,
            String signer,
            List<String> evidence,
            String listing) {
        Map<String, Object> e = base("signature", letter, time, signer);
        e.put("version", version);
        e.put("textSha256", textSha256);
        e.put("evidence", evidence);
        if (listing != null) {
            e.put("listing", listing);
        }
        return canonical(e);
    }

    public static String withdrawal(String letter, Instant time, String signer) {
        return canonical(base("withdrawal", letter, time, signer));
    }

    public static String invalidation(String letter, Instant time, String signer, String reason) {
        Map<String, Object> e = base("invalidation", letter, time, signer);
        e.put("reason", reason);
        return canonical(e);
    }

    public static String reaffirmation(String letter, int version, String textSha256, Instant time, String signer) {
        Map<String, Object> e = base("reaffirmation", letter, time, signer);
        e.put("version", version);
        e.put("textSha256", textSha256);
        return canonical(e);
    }

    public static String evidence(String letter, Instant time, String signer, List<String> evidence) {
        Map<String, Object> e = base("evidence", letter, time, signer);
        e.put("evidence", evidence);
        return canonical(e);
    }

    /**
     * A rotation of the log's key (docs/ARCHITECTURE.md#key-rotation): the signed statement, whole. It concerns no
     * signer and changes no count.
     */
    public static String keyRotation(String letter, Instant time, String statement) {
        Map<String, Object> e = base(KEY_ROTATION, letter, time, null);
        e.put("statement", statement);
        return canonical(e);
    }

    /**
     * A revision of a thread entry (docs/ARCHITECTURE.md#letters-and-threads): the entry's id, the revision's number
     * and the SHA-256 of its canonical form. It concerns no signer and changes no count.
     */
    public static String threadRevision(String letter, Instant time, String entry, int revision, String sha256) {
        Map<String, Object> e = base("thread-revision", letter, time, null);
        e.put("entry", entry);
        e.put("revision", revision);
        e.put("sha256", sha256);
        return canonical(e);
    }

    /** The retraction of a thread entry's revision, with the SHA-256 of the reason given (UTF-8). */
    public static String threadRetraction(
            String letter, Instant time, String entry, int revision, String reasonSha256) {
        Map<String, Object> e = base("thread-retraction", letter, time, null);
        e.put("entry", entry);
        e.put("revision", revision);
        e.put("reasonSha256", reasonSha256);
        return canonical(e);
    }

    /** The bytes an entry is hashed and bundled as. */
    static byte[] utf8(String entry) {
        return entry.getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8785 canonical form of any JSON-able value (also used for listing records). */
    public static String canonical(Object value) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> base(String type, String letter, Instant time, String signer) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("v", VERSION);
        e.put("type", type);
        e.put("letter", letter);
        e.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        if (signer != null) {
            e.put("signer", signer);
        }
        return e;
    }
}
