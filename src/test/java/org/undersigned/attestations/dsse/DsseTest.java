package org.undersigned.attestations.dsse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** Everything the signer writes is checked with the JDK, an independent JSON parser and hand-built PAE bytes. */
class DsseTest {

    // RFC 8032 §7.1 TEST 1: seed and public key
    private static final HexFormat HEX = HexFormat.of();
    private static final DsseSigner SIGNER =
            new DsseSigner(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final String PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    // printf d75a...511a | xxd -r -p | sha256sum
    private static final String KEY_ID = "21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9";
    private static final Pattern ENVELOPE = Pattern.compile("\\{\"payload\":\"([A-Za-z0-9+/=]*)\","
            + "\"payloadType\":\"((?:[^\"\\\\]|\\\\.)*)\",\"signatures\":\\[\\{\"keyid\":\"([0-9a-f]{64})\","
            + "\"sig\":\"([A-Za-z0-9+/=]*)\"\\}\\]\\}");
    private static final String TRICKY =
            "q\" b\\ nl\n tab\t cr\r bs\b ff\f nul\u0000 us\u001f del\u007f é 日 \uD83D\uDE00 / end";

    @Test
    void theKeyIsTheRfc8032OneAndItsIdIsTheSha256OfTheRawKey() {
        assertThat(HEX.formatHex(SIGNER.publicKey())).isEqualTo(PUBLIC_KEY);
        assertThat(SIGNER.keyId()).isEqualTo(KEY_ID);
        // openssl pkey -pubin -text reads this back as the key above
        assertThat(SIGNER.publicKeyPem())
                .isEqualTo("-----BEGIN PUBLIC KEY-----\n"
                        + "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n");
        assertThat(SIGNER.toString()).doesNotContain("9d61b19d");
    }

    @Test
    void aSignedStatementVerifiesWithTheJdkAloneAndATamperedOneDoesNot() throws Exception {
        Envelope envelope =
                SIGNER.sign(InTotoStatement.PAYLOAD_TYPE, statement().toBytes());

        Matcher json = ENVELOPE.matcher(envelope.toJson());
        assertThat(json.matches()).as(envelope.toJson()).isTrue();
        byte[] payload = Base64.getDecoder().decode(json.group(1));
        String payloadType = unescape(json.group(2));
        byte[] sig = Base64.getDecoder().decode(json.group(4));
        assertThat(payloadType).isEqualTo("application/vnd.in-toto+json");
        assertThat(new String(payload, UTF_8)).isEqualTo(STATEMENT_JSON);
        assertThat(json.group(3)).isEqualTo(KEY_ID);
        assertThat(sig).hasSize(64);

        PublicKey key = fromPem(SIGNER.publicKeyPem());
        assertThat(verify(key, payloadType, payload, sig)).isTrue();

        byte[] tampered = payload.clone();
        tampered[tampered.length / 2] ^= 0x01;
        assertThat(verify(key, payloadType, tampered, sig)).isFalse();
        assertThat(verify(key, "application/json", payload, sig)).isFalse();
        // Ed25519 is deterministic: the same statement gives the same envelope
        assertThat(SIGNER.sign(InTotoStatement.PAYLOAD_TYPE, statement().toBytes()))
                .isEqualTo(envelope);
    }

    @Test
    void thePredicateIsWrittenAsRfc8785CanonicalJsonAndParsesBackToItself() throws Exception {
        String predicate =
                STATEMENT_JSON.substring(STATEMENT_JSON.indexOf("\"predicate\":") + 12, STATEMENT_JSON.length() - 1);
        assertThat(new JsonCanonicalizer(predicate).getEncodedString()).isEqualTo(predicate);
        Map<?, ?> parsed = new ObjectMapper().readValue(statement().toJson(), Map.class);
        assertThat(parsed.get("predicate")).isEqualTo(statement().predicate());
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlsAndKeepNonAscii() throws Exception {
        String expected = "\"q\\\" b\\\\ nl\\n tab\\t cr\\r bs\\b ff\\f nul\\u0000 us\\u001f del\u007f é 日 "
                + "\uD83D\uDE00 / end\"";
        assertThat(Json.string(TRICKY)).isEqualTo(expected);
        assertThat(unescape(expected.substring(1, expected.length() - 1))).isEqualTo(TRICKY);
        assertThat(new ObjectMapper().readValue(expected, String.class)).isEqualTo(TRICKY);

        Envelope envelope = new Envelope(TRICKY, "AA==", List.of(new Envelope.Signature(TRICKY, "BB==")));
        assertThat(envelope.toJson())
                .isEqualTo("{\"payload\":\"AA==\",\"payloadType\":" + expected + ",\"signatures\":[{\"keyid\":"
                        + expected + ",\"sig\":\"BB==\"}]}");
    }

    @Test
    void whatJsonCannotSayIsRefused() {
        String sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        assertThatThrownBy(() -> new InTotoStatement("x", sha, "https://t", Map.of("nan", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InTotoStatement("x", sha, "https://t", Map.of("s", "lone \uDC00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InTotoStatement("x", sha, "https://t", Map.of("m", Map.of(1, "k"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InTotoStatement("x", sha.toUpperCase(), "https://t", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DsseSigner(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String STATEMENT_JSON = "{\"_type\":\"https://in-toto.io/Statement/v1\","
            + "\"subject\":[{\"name\":\"open-letter.md\",\"digest\":{\"sha256\":"
            + "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}}],"
            + "\"predicateType\":\"https://undersigned.example/signature/v1\",\"predicate\":{\"confirmed\":true,"
            + "\"ratio\":1.5,\"signatory\":{\"name\":\"Zoë Ñúñez 日本\",\"note\":\"says \\\"hi\\\" \\\\o/\"},"
            + "\"tags\":[\"a\",\"b\"],\"version\":3,\"withdrawn\":null}}";

    private static InTotoStatement statement() {
        Map<String, Object> predicate = new HashMap<>();
        predicate.put("signatory", Map.of("name", "Zoë Ñúñez 日本", "note", "says \"hi\" \\o/"));
        predicate.put("confirmed", true);
        predicate.put("withdrawn", null);
        predicate.put("version", 3);
        predicate.put("ratio", 1.5);
        predicate.put("tags", List.of("a", "b"));
        // printf hello | sha256sum
        return new InTotoStatement(
                "open-letter.md",
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "https://undersigned.example/signature/v1",
                predicate);
    }

    // DSSE PAE rebuilt here by hand, so a mistake in Pae cannot cancel itself out
    private static boolean verify(PublicKey key, String payloadType, byte[] payload, byte[] sig)
            throws GeneralSecurityException {
        String header = "DSSEv1 " + payloadType.getBytes(UTF_8).length + " " + payloadType + " " + payload.length + " ";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(header.getBytes(UTF_8));
        verifier.update(payload);
        return verifier.verify(sig);
    }

    private static PublicKey fromPem(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replace("\n", "");
        byte[] der = Base64.getDecoder().decode(body);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    // just enough of RFC 8259 §7 to read back what the writer produces
    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = escaped.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
