package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.attestations.vc.EddsaJcs2022;
import org.undersigned.attestations.vc.Multibase;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;

/**
 * Beside each DSSE envelope, the same statement as a W3C Verifiable Credential with an eddsa-jcs-2022 proof, whose
 * verificationMethod resolves to the Multikey document this service serves.
 */
@QuarkusTest
class CredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @MailServer.Inject
    GreenMail mail;

    @ConfigProperty(name = "undersigned.public-url")
    String publicUrl;

    @Test
    void eachAttestationIsAlsoAVerifiableCredentialWhoseKeyTheServiceServes() throws Exception {
        String id = Signing.signAndConfirm(
                mail,
                "sample-letter",
                Map.of(
                        "name",
                        "Vera Credential",
                        "email",
                        Signing.address("vera", "example.org"),
                        "listing",
                        "public"));
        List<Map<String, Object>> envelopes =
                list(given().get("/api/signatures/" + id + "/attestations").asString());
        String body = given().get("/api/signatures/" + id + "/credentials")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .extract()
                .asString();
        List<Map<String, Object>> credentials = list(body);
        assertThat(credentials).hasSameSizeAs(envelopes).isNotEmpty();
        assertThat(given().get("/api/signatures/" + id + "/credentials").asString())
                .as("the same credential whenever it is asked for")
                .isEqualTo(body);

        for (int i = 0; i < credentials.size(); i++) {
            Map<String, Object> credential = credentials.get(i);
            Map<String, Object> statement = JSON.readValue(
                    Base64.getDecoder().decode((String) envelopes.get(i).get("payload")), new TypeReference<>() {});
            assertThat(credential.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2"));
            assertThat(credential.get("issuer")).isEqualTo(publicUrl);
            assertThat(credential.get("credentialSubject"))
                    .isEqualTo(Map.of(
                            "subject", statement.get("subject"),
                            "predicateType", statement.get("predicateType"),
                            "predicate", statement.get("predicate")));
            Map<?, ?> proof = (Map<?, ?>) credential.get("proof");
            assertThat(proof.get("cryptosuite")).isEqualTo("eddsa-jcs-2022");
            String method = (String) proof.get("verificationMethod");
            assertThat(method).startsWith(publicUrl + "/.well-known/undersigned/attestation-key.json#z6Mk");

            // dereference the verification method as a verifier would: the document, then the key it holds
            Map<String, Object> key = JSON.readValue(
                    given().get(method.substring(publicUrl.length(), method.indexOf('#')))
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString(),
                    new TypeReference<>() {});
            assertThat(key).containsEntry("id", method).containsEntry("type", "Multikey");
            byte[] publicKey = Multibase.ed25519PublicKey((String) key.get("publicKeyMultibase"));
            assertThat(EddsaJcs2022.verify(credential, publicKey)).isTrue();

            Map<String, Object> altered = new LinkedHashMap<>(credential);
            altered.put("validFrom", "2020-01-01T00:00:00Z");
            assertThat(EddsaJcs2022.verify(altered, publicKey)).isFalse();
        }
        given().get("/api/signatures/no-such-signature/credentials").then().statusCode(404);
    }

    private static List<Map<String, Object>> list(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() {});
    }
}
