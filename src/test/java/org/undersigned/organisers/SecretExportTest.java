package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.undersigned.transparency.LogKeys;
import org.undersigned.transparency.note.SignerKey;

/**
 * A deployment whose keys were generated into its database gets them out once, for a Secret, and the exported values
 * are the very keys in use: the same verifier keys, the same attestation key, the same token key.
 */
@QuarkusTest
class SecretExportTest {

    private static final String LETTER = "sample-letter";

    @Inject
    OrganiserTokens tokens;

    @Inject
    OrganiserKeys organiserKeys;

    @Inject
    LogKeys logKeys;

    @Test
    void anAdminExportsTheGeneratedSecretsOnceAndTheyAreTheKeysInUse() {
        String organiser = tokens.mint("bot:export", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        given().auth()
                .oauth2(organiser)
                .post("/api/admin/secrets/export")
                .then()
                .statusCode(403);
        String admin = tokens.mint("admin-exporter", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        String verifierKeys = given().get("/.well-known/undersigned/keys").asString();
        String attestationPem =
                given().get("/.well-known/undersigned/attestation-key.pem").asString();

        String export = given().auth()
                .oauth2(admin)
                .post("/api/admin/secrets/export")
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .extract()
                .asString();
        Map<String, String> lines = export.lines()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertThat(lines)
                .containsOnlyKeys(
                        "UNDERSIGNED_LOG_PRIVATE_KEY",
                        "UNDERSIGNED_ORGANISERS_PRIVATE_KEY",
                        "UNDERSIGNED_ATTESTATIONS_PRIVATE_KEY");
        assertThat(export)
                .as("the pepper is configured in tests: said, not repeated")
                .contains("# UNDERSIGNED_SIGNATURES_PEPPER is configured already")
                .contains("DELETE FROM app_secret WHERE name IN ('log-signing-key', 'organiser-token-key', "
                        + "'attestation-signing-key');");

        byte[] logSeed = Base64.getDecoder().decode(lines.get("UNDERSIGNED_LOG_PRIVATE_KEY"));
        String origin = logKeys.origin(LETTER);
        assertThat(verifierKeys.lines())
                .as("configured with the exported key, the log keeps its verifier key")
                .contains(SignerKey.fromSeed(origin, logSeed).verifierKey().format());
        byte[] tokenSeed = Base64.getDecoder().decode(lines.get("UNDERSIGNED_ORGANISERS_PRIVATE_KEY"));
        assertThat(organiserKeys.publicKey().getEncoded()).endsWith(publicKey(tokenSeed));
        byte[] attestationSeed = Base64.getDecoder().decode(lines.get("UNDERSIGNED_ATTESTATIONS_PRIVATE_KEY"));
        byte[] spki = Base64.getMimeDecoder()
                .decode(attestationPem.replaceAll("-----[A-Z ]+-----", "").strip());
        assertThat(spki).endsWith(publicKey(attestationSeed));

        given().auth().oauth2(admin).post("/api/admin/secrets/export").then().statusCode(410);
        String trail =
                given().auth().oauth2(admin).get("/api/admin/audit?limit=50").asString();
        assertThat(trail).contains("export-secrets").contains("admin-exporter");
        lines.values().forEach(secret -> assertThat(trail).doesNotContain(secret));
    }

    private static byte[] publicKey(byte[] seed) {
        assertThat(seed).hasSize(32);
        byte[] key = new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
        assertThat(HexFormat.of().formatHex(key)).hasSize(64);
        return key;
    }
}
