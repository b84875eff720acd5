package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;
import org.undersigned.web.AppSecrets;
import org.undersigned.web.PublicUrl;

/**
 * The log's Ed25519 signing key (docs/ARCHITECTURE.md#the-log). One key serves every letter; each letter's log has
 * its own origin {@code <public host>/log/<slug>}, which is the key name, so each has its own key ID and verifier
 * key. The key comes from configuration (a value or a file, e.g. a mounted Kubernetes Secret) or is generated on
 * first start and stored in the database, shared by all replicas.
 */
@ApplicationScoped
public class LogKeys {

    private final byte[] seed;
    private final String host;

    LogKeys(LogConfig config, PublicUrl publicUrl, AppSecrets secrets) {
        this.seed = secrets.ed25519Seed("log-signing-key", config, "undersigned.log.private-key");
        this.host = publicUrl.hostAndPort();
    }

    /** The log's origin line and key name, e.g. {@code letters.example.org/log/<slug>}. */
    public String origin(String slug) {
        return host + "/log/" + slug;
    }

    SignerKey signer(String slug) {
        return SignerKey.fromSeed(origin(slug), seed);
    }

    public VerifierKey verifier(String slug) {
        return signer(slug).verifierKey();
    }
}
