package org.undersigned.attestations.dsse;

import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse/blob/master/envelope.md). {@code payload} and each
 * {@code sig} are standard base64 (RFC 4648 §4, padded), as this package writes them.
 */
public record Envelope(String payloadType, String payload, List<Signature> signatures) {

    /** One signature; {@code keyid} is an unauthenticated hint (DSSE protocol: "MUST NOT be used for security"). */
    public record Signature(String keyid, String sig) {

        public Signature {
            Objects.requireNonNull(keyid, "keyid");
            Objects.requireNonNull(sig, "sig");
        }
    }

    public Envelope {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        signatures = List.copyOf(signatures);
    }

    /** Compact JSON with the keys in sorted order, as the DSSE envelope spec lists them. */
    public String toJson() {
        StringBuilder out = new StringBuilder(payload.length() + 160 * signatures.size() + 64);
        out.append("{\"payload\":");
        Json.string(out, payload);
        out.append(",\"payloadType\":");
        Json.string(out, payloadType);
        out.append(",\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            out.append(i == 0 ? "{\"keyid\":" : ",{\"keyid\":");
            Json.string(out, signatures.get(i).keyid());
            out.append(",\"sig\":");
            Json.string(out, signatures.get(i).sig());
            out.append('}');
        }
        return out.append("]}").toString();
    }
}
