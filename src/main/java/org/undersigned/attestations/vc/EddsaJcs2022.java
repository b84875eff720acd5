package org.undersigned.attestations.vc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.undersigned.attestations.dsse.Json;

/**
 * The eddsa-jcs-2022 cryptosuite of W3C Data Integrity EdDSA Cryptosuites v1.0 (vc-di-eddsa §3.3): a document and
 * its proof options each canonicalised with JCS (RFC 8785), each hashed with SHA-256, the two hashes signed with
 * Ed25519 and the signature written as multibase base58-btc. Documents are JSON values as maps and lists.
 */
public final class EddsaJcs2022 {

    public static final String TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-jcs-2022";

    private EddsaJcs2022() {}

    /**
     * §3.3.1 Create Proof: the document with a {@code proof} made of the options (type, cryptosuite, created,
     * verificationMethod, proofPurpose) and the proof value; step 3: the proof takes the document's {@code @context}.
     */
    public static Map<String, Object> sign(Map<String, Object> unsecured, Map<String, Object> options, byte[] seed) {
        Map<String, Object> proof = new LinkedHashMap<>(options);
        proof.put("type", TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        if (unsecured.containsKey("@context")) {
            proof.put("@context", unsecured.get("@context"));
        }
        byte[] hash = hashData(unsecured, proof);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed));
        signer.update(hash, 0, hash.length);
        // §3.3.6 Proof Serialization: multibase base58-btc of the signature
        proof.put("proofValue", Multibase.base58btc(signer.generateSignature()));
        Map<String, Object> secured = new LinkedHashMap<>(unsecured);
        secured.put("proof", proof);
        return secured;
    }

    /** §3.3.2 Verify Proof, with the public key its verificationMethod names; false on any mismatch. */
    @SuppressWarnings("unchecked")
    public static boolean verify(Map<String, Object> secured, byte[] publicKey) {
        if (!(secured.get("proof") instanceof Map<?, ?> given)) {
            return false;
        }
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) given);
        if (!TYPE.equals(options.get("type"))
                || !CRYPTOSUITE.equals(options.get("cryptosuite"))
                || !(options.remove("proofValue") instanceof String value)) {
            return false;
        }
        Map<String, Object> unsecured = new LinkedHashMap<>(secured);
        unsecured.remove("proof");
        if (options.containsKey("@context")) {
            // step 5: the document's contexts must begin with the proof's
            if (!(options.get("@context") instanceof List<?> proofContext)
                    || !(unsecured.get("@context") instanceof List<?> documentContext)
                    || documentContext.size() < proofContext.size()
                    || !documentContext.subList(0, proofContext.size()).equals(proofContext)) {
                return false;
            }
            unsecured.put("@context", proofContext);
        }
        byte[] signature;
        try {
            signature = Multibase.decodeBase58btc(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] hash = hashData(unsecured, options);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey));
        verifier.update(hash, 0, hash.length);
        return signature.length == 64 && verifier.verifySignature(signature);
    }

    /**
     * §3.3.4 Hashing: SHA-256 of the canonical proof configuration (§3.3.5, the proof without proofValue), then
     * SHA-256 of the transformed document (§3.3.3, JCS), concatenated in that order.
     */
    static byte[] hashData(Map<String, Object> document, Map<String, Object> proofConfig) {
        Map<String, Object> config = new LinkedHashMap<>(proofConfig);
        config.remove("proofValue");
        byte[] proofHash = sha256(Json.canonical(config));
        byte[] documentHash = sha256(Json.canonical(document));
        byte[] out = new byte[64];
        System.arraycopy(proofHash, 0, out, 0, 32);
        System.arraycopy(documentHash, 0, out, 32, 32);
        return out;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
