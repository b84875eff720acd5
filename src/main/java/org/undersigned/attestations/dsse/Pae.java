package org.undersigned.attestations.dsse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DSSE v1 Pre-Authentication Encoding: the exact bytes a signature covers, so type and body cannot be confused. */
public final class Pae {

    private Pae() {}

    /** PAE(UTF8(payloadType), payload); a type with a lone surrogate is refused, as it has no UTF-8 form. */
    public static byte[] encode(String payloadType, byte[] payload) {
        byte[] type = Json.utf8(payloadType);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        // https://github.com/secure-systems-lab/dsse/blob/master/protocol.md "Signature Definition":
        // PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN = decimal BYTE length
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
