package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/** Affiliation evidence from confirmed addresses, and the signed statements about it, checked independently. */
@QuarkusTest
class EvidenceTest {

    static final String LETTER = "sample-letter";
    static final ObjectMapper JSON = new ObjectMapper();

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void anAddressAtTheStatedOrganisationsDomainProvesTheAffiliationAndAGmailAddressDoesNot() {
        Map<String, Long> before = byLevel();
        String proven = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Grace Domainproof",
                        "email",
                        Signing.address("grace", "research.google.com"),
                        "organisation",
                        "Google Research",
                        "listing",
                        "public"));
        String typed = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Gary Gmailer",
                        "email",
                        Signing.address("gary", "gmail.com"),
                        "organisation",
                        "Google",
                        "listing",
                        "public"));

        given().get("/api/signatures/" + proven)
                .then()
                .body("levels.affiliation", equalTo("email-domain"))
                .body("organisation", equalTo("Google"));
        given().get("/api/signatures/" + typed).then().body("levels.affiliation", equalTo("self"));
        Map<String, Long> after = byLevel();
        assertThat(after.get("email-domain")).isEqualTo(before.get("email-domain") + 1);
        assertThat(after.get("self")).isEqualTo(before.get("self") + 1);
        Document page = Jsoup.parse(given().accept("text/html")
                .get("/letters/" + LETTER)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select(".recent li").text())
                .contains("Grace Domainproof, Google email confirmed at the organisation")
                .contains("Gary Gmailer, Google typed by the signer");
        assertThat(page.select("p.levels").text())
                .contains("email confirmed at the organisation " + after.get("email-domain"));
        given().get("/api/organisations")
                .then()
                .statusCode(200)
                .body("find { it.name == 'Google' }.domains", hasItem("google.com"));
    }

    @Test
    void attestationsVerifyWithTheJdkOverPaeBytesAndNameTheLogEntry() throws Exception {
        String email = Signing.address("zoe", "mit.edu");
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Zoë Ñúñez 日本", "email", email, "organisation", "MIT", "listing", "public"));
        Counted.settle(log);

        String body = given().get("/api/signatures/" + id + "/attestations")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .extract()
                .asString();
        assertThat(body).doesNotContain(email);
        JsonNode envelopes = JSON.readTree(body);
        assertThat(envelopes).hasSize(1);
        JsonNode envelope = envelopes.get(0);
        String payloadType = envelope.get("payloadType").asText();
        byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
        byte[] sig = Base64.getDecoder()
                .decode(envelope.get("signatures").get(0).get("sig").asText());

        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(attestationKey());
        ed.update(pae(payloadType, payload));
        assertThat(ed.verify(sig)).isTrue();
        payload[payload.length - 2] ^= 1;
        ed.update(pae(payloadType, payload));
        assertThat(ed.verify(sig)).isFalse();
        payload[payload.length - 2] ^= 1;

        JsonNode statement = JSON.readTree(payload);
        assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.at("/predicate/name").asText()).isEqualTo("Zoë Ñúñez 日本");
        assertThat(statement.at("/predicate/affiliationLevel").asText()).isEqualTo("email-domain");
        assertThat(statement.at("/predicate/emailDomain").asText()).isEqualTo("mit.edu");
        assertThat(statement.at("/subject/0/name").asText()).endsWith("/log/" + LETTER);
        String leaf = statement.at("/subject/0/digest/sha256").asText();
        assertThat(logEntryLeafHashes()).contains(leaf);
    }

    /** DSSE v1 PAE, written here from the spec rather than taken from the server's code. */
    static byte[] pae(String type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = type.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("DSSEv1 " + t.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(t);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static PublicKey attestationKey() throws Exception {
        String pem = given().get("/.well-known/undersigned/attestation-key.pem")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Leaf hashes of every entry in the letter's public log, from its entry bundles. */
    private static Set<String> logEntryLeafHashes() throws Exception {
        long size = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        Set<String> hashes = new HashSet<>();
        for (long n = 0; n * 256 < size; n++) {
            long width = Math.min(256, size - n * 256);
            String path = String.format("%03d", n) + (width == 256 ? "" : ".p/" + width);
            byte[] bundle = given().get("/log/" + LETTER + "/tile/entries/" + path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            for (int i = 0; i < bundle.length; ) {
                int len = ((bundle[i] & 0xff) << 8) | (bundle[i + 1] & 0xff);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((byte) 0);
                sha.update(bundle, i + 2, len);
                hashes.add(HexFormat.of().formatHex(sha.digest()));
                i += 2 + len;
            }
        }
        return hashes;
    }

    private Map<String, Long> byLevel() {
        Counted.settle(log);
        return given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getMap("byLevel", String.class, Long.class);
    }
}
