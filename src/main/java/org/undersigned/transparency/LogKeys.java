package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;
import org.undersigned.web.AppSecrets;
import org.undersigned.web.PublicUrl;

/**
 * The log's Ed25519 signing keys (docs/ARCHITECTURE.md#the-log). One key serves every letter; each letter's log has
 * its own origin {@code <public host>/log/<slug>}, which is the key name, so each has its own key ID and verifier
 * key. The key comes from configuration (a value or a file, e.g. a mounted Kubernetes Secret; generated and stored in
 * the database in dev and tests). Previous keys, also from configuration, are kept only to sign the rotation
 * statements of logs that still carry them (docs/ARCHITECTURE.md#key-rotation).
 */
@ApplicationScoped
public class LogKeys {

    private final byte[] seed;
    private final List<byte[]> previous = new ArrayList<>();
    private final String host;

    LogKeys(LogConfig config, PublicUrl publicUrl, AppSecrets secrets) {
        this.seed = secrets.ed25519Seed("log-signing-key", config, "undersigned.log.private-key");
        for (String text : config.previousPrivateKeys().orElse(List.of())) {
            byte[] old = text.isBlank() ? new byte[0] : Base64.getDecoder().decode(text.strip());
            if (old.length != 32) {
                throw new IllegalArgumentException(
                        "undersigned.log.previous-private-keys must be base64 Ed25519 seeds of 32 bytes");
            }
            previous.add(old);
        }
        this.host = publicUrl.hostAndPort();
    }

    /** The log's origin line and key name, e.g. {@code letters.example.org/log/<slug>}. */
    public String origin(String slug) {
        return host + "/log/" + slug;
    }

    /** The configured key: new logs begin with it, and every log rotates to it. */
    SignerKey signer(String slug) {
        SignerKey known = signers.get(slug);
        if (known != null) {
            return known;
        }
        // deriving the public key is an Ed25519 scalar multiplication, per letter on every read of the keys
        SignerKey derived = SignerKey.fromSeed(origin(slug), seed);
        if (signers.size() < MAX_KNOWN) { // slugs come from URLs too
            signers.put(slug, derived);
        }
        return derived;
    }

    private static final int MAX_KNOWN = 10_000;
    private final Map<String, SignerKey> signers = new ConcurrentHashMap<>();

    /** The verifier key of the configured key for this letter's log. */
    public VerifierKey verifier(String slug) {
        return signer(slug).verifierKey();
    }

    /** Every configured key for this letter's log: the current one first, then the previous ones. */
    List<SignerKey> configured(String slug) {
        List<SignerKey> all = new ArrayList<>(List.of(signer(slug)));
        previous.forEach(old -> all.add(SignerKey.fromSeed(origin(slug), old)));
        return all;
    }

    /** The configured private half (current or previous) of a verifier key of this letter's log, if any. */
    Optional<SignerKey> signerFor(String slug, VerifierKey key) {
        return configured(slug).stream()
                .filter(s -> s.verifierKey().equals(key))
                .findFirst();
    }
}
