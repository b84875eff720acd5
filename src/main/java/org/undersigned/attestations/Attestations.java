package org.undersigned.attestations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.attestations.dsse.DsseSigner;
import org.undersigned.attestations.dsse.InTotoStatement;
import org.undersigned.attestations.vc.EddsaJcs2022;
import org.undersigned.attestations.vc.Multibase;
import org.undersigned.web.AppSecrets;
import org.undersigned.web.PublicUrl;

/**
 * Issues and serves attestations (docs/ARCHITECTURE.md#evidence-and-attestations): for each verified fact an in-toto
 * Statement v1 whose subject is the signature's log entry, named by its log origin and identified by its RFC 9162 leaf
 * hash, signed as a DSSE envelope with this service's Ed25519 attestation key. Statements are public, so a predicate
 * never holds an email address, and names only of publicly listed signers.
 */
@ApplicationScoped
public class Attestations {

    /** Predicate types: URIs of this project, one per kind of fact, versioned. */
    public static final String EMAIL = "https://undersigned.org/attestation/email/v1";

    public static final String ORCID = "https://undersigned.org/attestation/orcid/v1";
    public static final String ORCID_EMPLOYMENT = "https://undersigned.org/attestation/orcid-employment/v1";
    public static final String ORGANISER = "https://undersigned.org/attestation/organiser/v1";

    /** Where the Multikey document of the attestation key is served; with the key as fragment, its id. */
    public static final String MULTIKEY_PATH = "/.well-known/undersigned/attestation-key.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AttestationRepository repository;
    private final DsseSigner signer;
    private final byte[] seed;
    private final String verifier;

    Attestations(AttestationRepository repository, AppSecrets secrets, AttestationsConfig config, PublicUrl publicUrl) {
        this.repository = repository;
        this.seed = secrets.ed25519Seed("attestation-signing-key", config, "undersigned.attestations.private-key");
        this.signer = new DsseSigner(seed);
        this.verifier = publicUrl.base();
    }

    /**
     * Signs and stores a statement that {@code predicate} was verified about the entry with leaf hash
     * {@code leafHash} (hex) in the log {@code origin}; {@code subjectRef} is the public id it is served under.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(
            String subjectRef, String origin, String leafHash, String predicateType, Map<String, Object> predicate) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> full = new LinkedHashMap<>(predicate);
        full.put("verifier", verifier);
        full.put("verifiedAt", now.toString());
        InTotoStatement statement = new InTotoStatement(origin, leafHash, predicateType, full);
        String envelope = signer.sign(
                        InTotoStatement.PAYLOAD_TYPE, statement.toJson().getBytes(StandardCharsets.UTF_8))
                .toJson();
        repository.insert(subjectRef, predicateType, envelope, now);
    }

    /** The envelopes issued about {@code subjectRef}, oldest first, each a DSSE JSON object. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> about(String subjectRef) {
        return repository.envelopes(subjectRef);
    }

    /** Stops serving the envelopes about {@code subjectRef}: its signer erased their personal data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String subjectRef) {
        repository.delete(subjectRef);
    }

    /**
     * The same statements as W3C Verifiable Credentials 2.0, secured with a Data Integrity proof (eddsa-jcs-2022) by
     * the same key (docs/ARCHITECTURE.md#evidence-and-attestations): the statement's subject, predicateType and
     * predicate are the credential's subject; it is valid from, and its proof created at, the time of verification.
     * Signing is deterministic, so each credential is the same whenever it is asked for.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> credentialsAbout(String subjectRef) {
        return repository.envelopes(subjectRef).stream().map(this::credential).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> credential(String envelope) {
        Map<String, Object> statement;
        try {
            String payload = JSON.readTree(envelope).path("payload").asText();
            statement = JSON.readValue(Base64.getDecoder().decode(payload), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored envelope is not JSON", e);
        }
        Map<String, Object> predicate = (Map<String, Object>) statement.get("predicate");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject", statement.get("subject"));
        subject.put("predicateType", statement.get("predicateType"));
        subject.put("predicate", predicate);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        credential.put("type", List.of("VerifiableCredential", "UndersignedAttestation"));
        credential.put("issuer", verifier);
        credential.put("validFrom", predicate.get("verifiedAt"));
        credential.put("credentialSubject", subject);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("created", predicate.get("verifiedAt"));
        options.put("verificationMethod", verificationMethod());
        options.put("proofPurpose", "assertionMethod");
        return EddsaJcs2022.sign(credential, options, seed);
    }

    /** The Multikey document the credentials' verificationMethod names (W3C Controlled Identifiers, Multikey). */
    public Map<String, Object> multikey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("@context", "https://w3id.org/security/multikey/v1");
        key.put("id", verificationMethod());
        key.put("type", "Multikey");
        key.put("controller", verifier);
        key.put("publicKeyMultibase", Multibase.ed25519PublicKey(signer.publicKey()));
        return key;
    }

    private String verificationMethod() {
        return verifier + MULTIKEY_PATH + "#" + Multibase.ed25519PublicKey(signer.publicKey());
    }

    String publicKeyPem() {
        return signer.publicKeyPem();
    }

    String keyId() {
        return signer.keyId();
    }
}
