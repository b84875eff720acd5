package org.undersigned.attestations.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.undersigned.attestations.dsse.Json;

/** The W3C test vectors of eddsa-jcs-2022 (w3c/vc-di-eddsa, TestVectors; see vectors/vc-di-eddsa/SOURCE.txt). */
class EddsaJcs2022Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theVectorsKeyPairIsOneEd25519KeyInMultikeyForm() throws Exception {
        Map<String, Object> pair = json("keyPair.json");
        byte[] seed = Multibase.ed25519Seed((String) pair.get("privateKeyMultibase"));
        byte[] publicKey =
                new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();

        assertThat(Multibase.ed25519PublicKey(publicKey)).isEqualTo(pair.get("publicKeyMultibase"));
        assertThat(Multibase.ed25519PublicKey((String) pair.get("publicKeyMultibase")))
                .isEqualTo(publicKey);
    }

    @Test
    void theDocumentIsTransformedAndHashedAsTheVectorsSay() throws Exception {
        Map<String, Object> unsecured = unsecured();

        assertThat(Json.canonical(unsecured)).isEqualTo(text("canonDocJCS.txt"));
        assertThat(HEX.formatHex(sha256(Json.canonical(unsecured)))).isEqualTo(text("docHashJCS.txt"));
    }

    @Test
    void theProofConfigurationIsHashedAndCombinedAsTheVectorsSay() throws Exception {
        Map<String, Object> config = JSON.readValue(text("proofCanonJCS-didkey.txt"), new TypeReference<>() {});

        assertThat(Json.canonical(config)).isEqualTo(text("proofCanonJCS-didkey.txt"));
        assertThat(HEX.formatHex(sha256(Json.canonical(config)))).isEqualTo(text("proofHashJCS-didkey.txt"));
        assertThat(HEX.formatHex(EddsaJcs2022.hashData(unsecured(), config)))
                .isEqualTo(text("combinedHashJCS-didkey.txt"));
    }

    @Test
    void signingTheVectorsDocumentGivesTheVectorsProofValue() throws Exception {
        Map<String, Object> options = json("proofConfigJCS.json");
        options.remove("@context"); // taken from the document by Create Proof step 3

        Map<String, Object> secured = EddsaJcs2022.sign(unsecured(), options, seed());

        @SuppressWarnings("unchecked")
        Map<String, Object> proof = (Map<String, Object>) secured.get("proof");
        String expected = (String) ((Map<?, ?>) json("signedJCS.json").get("proof")).get("proofValue");
        assertThat(proof.get("proofValue")).isEqualTo(expected);
        assertThat(HEX.formatHex(Multibase.decodeBase58btc(expected))).isEqualTo(text("sigHexJCS.txt"));
        assertThat(proof.get("@context")).isEqualTo(unsecured().get("@context"));
    }

    @Test
    void theVectorsSignedCredentialVerifiesAndAnyChangeBreaksIt() throws Exception {
        byte[] publicKey =
                Multibase.ed25519PublicKey((String) json("keyPair.json").get("publicKeyMultibase"));
        assertThat(EddsaJcs2022.verify(json("signedJCS.json"), publicKey)).isTrue();

        Map<String, Object> altered = json("signedJCS.json");
        altered.put("validFrom", "2024-01-01T00:00:00Z");
        assertThat(EddsaJcs2022.verify(altered, publicKey)).isFalse();

        Map<String, Object> otherProof = json("signedJCS.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> proof = (Map<String, Object>) otherProof.get("proof");
        proof.put("created", "2023-02-24T23:36:39Z");
        assertThat(EddsaJcs2022.verify(otherProof, publicKey)).isFalse();

        byte[] stranger = new Ed25519PrivateKeyParameters(new byte[32])
                .generatePublicKey()
                .getEncoded();
        assertThat(EddsaJcs2022.verify(json("signedJCS.json"), stranger)).isFalse();
    }

    @Test
    void malformedMultibaseIsRefused() {
        assertThatThrownBy(() -> Multibase.decodeBase58btc("b0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multibase.decodeBase58btc("z0OIl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multibase.ed25519PublicKey(Multibase.base58btc(new byte[34])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Multibase.decodeBase58btc(Multibase.base58btc(new byte[] {0, 0, 1, 2})))
                .containsExactly(0, 0, 1, 2);
    }

    private byte[] seed() throws IOException {
        return Multibase.ed25519Seed((String) json("keyPair.json").get("privateKeyMultibase"));
    }

    private Map<String, Object> unsecured() throws IOException {
        Map<String, Object> document = json("signedJCS.json");
        document.remove("proof");
        return document;
    }

    private static Map<String, Object> json(String name) throws IOException {
        return new LinkedHashMap<>(JSON.readValue(text(name), new TypeReference<Map<String, Object>>() {}));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = EddsaJcs2022Test.class.getResourceAsStream("/vectors/vc-di-eddsa/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
