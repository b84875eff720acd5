package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.undersigned.web.AppSecrets;

/**
 * The Ed25519 key pair that signs and verifies organiser tokens (JWS "EdDSA"): from configuration (a value or a
 * file) or generated once and stored in the database, so every replica accepts every replica's tokens.
 */
@ApplicationScoped
class OrganiserKeys {

    // DER prefixes of RFC 8410 PKCS#8 private and SubjectPublicKeyInfo public keys for Ed25519 (OID 1.3.101.112)
    private static final byte[] PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    OrganiserKeys(AppSecrets secrets, OrganisersConfig config) {
        byte[] seed = secrets.ed25519Seed("organiser-token-key", config, "undersigned.organisers.private-key");
        byte[] pub = new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8, seed)));
            this.publicKey = factory.generatePublic(new X509EncodedKeySpec(concat(SPKI, pub)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
