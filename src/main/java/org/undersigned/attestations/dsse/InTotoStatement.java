package org.undersigned.attestations.dsse;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md) about one subject.
 * The predicate holds String, Number, Boolean, null, List and Map values, nested; it is written with its keys
 * sorted, so the same statement always gives the same bytes to sign. Nested lists and maps are read when
 * {@link #toJson()} runs, so they must not change after construction.
 */
public record InTotoStatement(
        String subjectName, String subjectSha256, String predicateType, Map<String, Object> predicate) {

    /** The DSSE payloadType of an in-toto statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    public static final String TYPE = "https://in-toto.io/Statement/v1";

    // in-toto DigestSet v1: the standard algorithms' values are lower-case hex
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public InTotoStatement {
        Json.utf8(Objects.requireNonNull(subjectName, "subjectName"));
        if (subjectSha256 == null || !SHA256_HEX.matcher(subjectSha256).matches()) {
            throw new IllegalArgumentException("subject sha256 must be 64 lower-case hex digits");
        }
        if (predicateType == null || predicateType.isEmpty()) {
            throw new IllegalArgumentException("predicateType is a required URI");
        }
        Json.utf8(predicateType);
        // a copy (Map.copyOf would refuse the null values JSON allows); writing it once checks every value early
        predicate = Collections.unmodifiableMap(new LinkedHashMap<>(predicate));
        Json.value(new StringBuilder(), predicate);
    }

    /** Compact JSON: _type, subject, predicateType, predicate, in that order; predicate keys sorted. */
    public String toJson() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"_type\":");
        Json.string(out, TYPE);
        out.append(",\"subject\":[{\"name\":");
        Json.string(out, subjectName);
        out.append(",\"digest\":{\"sha256\":");
        Json.string(out, subjectSha256);
        out.append("}}],\"predicateType\":");
        Json.string(out, predicateType);
        out.append(",\"predicate\":");
        Json.value(out, predicate);
        return out.append('}').toString();
    }

    /** The UTF-8 bytes of {@link #toJson()}: the DSSE payload. */
    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }
}
