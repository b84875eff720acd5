package org.undersigned.organisers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signed statements about a signature as the console shows them: each DSSE envelope exactly as
 * {@code GET /api/signatures/<id>/attestations} serves it, its in-toto statement decoded from the payload and indented
 * for reading, and its signatures. Newest first, numbered in the order they were issued.
 */
public final class SignedStatements {

    /** One signature of an envelope: the key id hint and the base64 signature over the DSSE pre-authentication. */
    public record Sig(String keyid, String sig) {}

    /** {@code number}: 1 for the first statement issued about the signature. */
    public record Statement(int number, String payloadType, String predicateType, String statement, List<Sig> sigs) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SignedStatements() {}

    /** {@code envelopes}: oldest first, as the attestations feature stores them. */
    static List<Statement> of(List<String> envelopes) {
        List<Statement> shown = new ArrayList<>();
        for (int i = envelopes.size() - 1; i >= 0; i--) {
            shown.add(decode(i + 1, envelopes.get(i)));
        }
        return shown;
    }

    private static Statement decode(int number, String envelope) {
        try {
            JsonNode e = JSON.readTree(envelope);
            JsonNode statement =
                    JSON.readTree(Base64.getDecoder().decode(e.path("payload").asText()));
            List<Sig> sigs = new ArrayList<>();
            e.path("signatures")
                    .forEach(s -> sigs.add(
                            new Sig(s.path("keyid").asText(), s.path("sig").asText())));
            return new Statement(
                    number,
                    e.path("payloadType").asText(),
                    statement.path("predicateType").asText(),
                    JSON.writeValueAsString(statement),
                    sigs);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored attestation envelope cannot be read", e);
        }
    }
}
