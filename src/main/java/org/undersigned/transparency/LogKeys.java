package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;
import org.undersigned.web.AppSecrets;

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

    LogKeys(
            @ConfigProperty(name = "undersigned.log.private-key") Optional<String> key,
            @ConfigProperty(name = "undersigned.log.private-key-file") Optional<Path> keyFile,
            @ConfigProperty(name = "undersigned.public-url") String publicUrl,
            AppSecrets secrets) {
        this.seed = secrets.ed25519Seed("log-signing-key", key, keyFile, "undersigned.log.private-key");
        URI uri = URI.create(publicUrl);
        this.host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
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
