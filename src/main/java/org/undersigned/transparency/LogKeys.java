package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;

/**
 * The log's Ed25519 signing key (DESIGN §6). One key serves every letter; each letter's log has its own origin
 * {@code <public host>/log/<slug>}, which is the key name, so each has its own key ID and verifier key. The key
 * comes from configuration (a value or a file, e.g. a mounted Kubernetes Secret) or is generated on first start and
 * stored in the database, shared by all replicas.
 */
@ApplicationScoped
public class LogKeys {

    private final byte[] seed;
    private final String host;

    LogKeys(@ConfigProperty(name = "undersigned.log.private-key") Optional<String> key,
            @ConfigProperty(name = "undersigned.log.private-key-file") Optional<Path> keyFile,
            @ConfigProperty(name = "undersigned.public-url") String publicUrl, AppSecrets secrets) {
        String base64 = key.filter(k -> !k.isBlank())
                .or(() -> keyFile.map(LogKeys::read))
                .orElseGet(() -> secrets.getOrCreate("log-signing-key", LogKeys::generate));
        this.seed = Base64.getDecoder().decode(base64.strip());
        if (seed.length != 32) {
            throw new IllegalArgumentException("undersigned.log.private-key must be a base64 Ed25519 seed of 32 bytes");
        }
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read undersigned.log.private-key-file " + file, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
