package org.undersigned.attestations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.attestations.dsse.DsseSigner;
import org.undersigned.attestations.dsse.InTotoStatement;
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

    private final AttestationRepository repository;
    private final DsseSigner signer;
    private final String verifier;

    Attestations(AttestationRepository repository, AppSecrets secrets, AttestationsConfig config, PublicUrl publicUrl) {
        this.repository = repository;
        this.signer = new DsseSigner(
                secrets.ed25519Seed("attestation-signing-key", config, "undersigned.attestations.private-key"));
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

    String publicKeyPem() {
        return signer.publicKeyPem();
    }

    String keyId() {
        return signer.keyId();
    }
}
