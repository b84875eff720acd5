package org.undersigned.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Secrets that configuration may give and that are otherwise generated on first start and stored in the database,
 * shared by all replicas: a production start needs nothing but a datasource and an SMTP server.
 */
@ApplicationScoped
public class AppSecrets {

    private static final Logger LOG = Logger.getLogger(AppSecrets.class);
    private final SecretRepository repository;

    AppSecrets(SecretRepository repository) {
        this.repository = repository;
    }

    /**
     * A 32-byte Ed25519 seed: the configured key (base64) or the content of the configured file when given, else
     * generated once and stored under {@code name}; {@code property} names the key in messages.
     */
    public byte[] ed25519Seed(String name, PrivateKeyConfig configured, String property) {
        String base64 = configured
                .privateKey()
                .filter(k -> !k.isBlank())
                .or(() -> configured.privateKeyFile().map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + property + "-file " + f, e);
                    }
                }))
                .orElseGet(() -> getOrCreate(name, () -> {
                    byte[] bytes = new byte[32];
                    new SecureRandom().nextBytes(bytes);
                    return Base64.getEncoder().encodeToString(bytes);
                }));
        byte[] seed = Base64.getDecoder().decode(base64.strip());
        if (seed.length != 32) {
            throw new IllegalArgumentException(property + " must be a base64 Ed25519 seed of 32 bytes");
        }
        return seed;
    }

    /** The stored value of {@code name}, generating and storing one first if there is none. */
    public String getOrCreate(String name, Supplier<String> generator) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.find(name).orElseGet(() -> {
                    LOG.warnf(
                            "No %s configured: generated one and stored it in the database. Configure it to keep it "
                                    + "outside the database.",
                            name);
                    repository.insertIfAbsent(name, generator.get());
                    return repository.find(name).orElseThrow();
                }));
    }
}
