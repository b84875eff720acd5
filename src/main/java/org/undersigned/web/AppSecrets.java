package org.undersigned.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The keys and the pepper (docs/ARCHITECTURE.md#secrets). In production they come from configuration, a value or a
 * mounted file, and never from the database: whoever reads the database must not be able to sign checkpoints,
 * attestations or tokens. Starting without them fails, naming each. Dev and test generate them on first start and
 * store them in {@code app_secret}, shared by all replicas. A deployment whose keys were generated that way keeps
 * them with {@code undersigned.secrets.from-database} until it has exported them ({@link #exportOnce}).
 */
@ApplicationScoped
public class AppSecrets {

    /** A secret that production must be given: its property (also {@code <property>-file}) and its stored name. */
    public record Required(String property, String stored, String purpose) {
        /** The environment variable of the property, e.g. UNDERSIGNED_LOG_PRIVATE_KEY. */
        public String env() {
            return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }

    public static final List<Required> REQUIRED = List.of(
            new Required("undersigned.log.private-key", "log-signing-key", "the log's key, which signs checkpoints"),
            new Required(
                    "undersigned.organisers.private-key", "organiser-token-key", "signs organiser and admin tokens"),
            new Required("undersigned.attestations.private-key", "attestation-signing-key", "signs attestations"),
            new Required("undersigned.signatures.pepper", "signer-pepper", "keys the log's pseudonymous signer ids"));

    private static final Logger LOG = Logger.getLogger(AppSecrets.class);
    private static final String EXPORTED = "secrets-exported";

    private final SecretRepository repository;
    private final boolean generate;
    private final boolean fromDatabase;

    AppSecrets(
            SecretRepository repository,
            @ConfigProperty(name = "undersigned.secrets.generate", defaultValue = "false") boolean generate,
            @ConfigProperty(name = "undersigned.secrets.from-database", defaultValue = "false") boolean fromDatabase) {
        this.repository = repository;
        this.generate = generate;
        this.fromDatabase = fromDatabase;
    }

    /** Refuses a production start that lacks any of the secrets, naming every missing one at once. */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (generate) {
            return;
        }
        List<Required> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missingMessage(missing));
        }
        if (fromDatabase) {
            LOG.warn("undersigned.secrets.from-database is on: keys read from the database, where whoever reads it can "
                    + "use them. Export them (POST /api/admin/secrets/export), configure them, then turn it off.");
        }
    }

    /**
     * A 32-byte Ed25519 seed: the configured key (base64) or the content of the configured file, else the stored one
     * (generated first in dev and test); {@code property} is the key's property, {@code name} its stored name.
     */
    public byte[] ed25519Seed(String name, PrivateKeyConfig configured, String property) {
        byte[] seed =
                Base64.getDecoder().decode(value(name, configured.privateKey(), configured.privateKeyFile(), property));
        if (seed.length != 32) {
            throw new IllegalArgumentException(property + " must be a base64 Ed25519 seed of 32 bytes");
        }
        return seed;
    }

    /** A base64 secret of 32 random bytes: configured (a value or a file), else stored as for a key. */
    public String value(String name, Optional<String> value, Optional<Path> file, String property) {
        return value.filter(v -> !v.isBlank())
                .or(() -> file.map(f -> read(f, property)))
                .map(String::strip)
                .orElseGet(() -> stored(name, property));
    }

    /**
     * Once per database: the secrets stored in it, as environment lines for a Secret, or empty if they were exported
     * before. Configured secrets are not repeated (their owner has them); the lines carry no other data.
     */
    public Optional<String> exportOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.insertIfAbsent(EXPORTED, Instant.now().toString())) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder(
                    "# Undersigned secrets generated into the database, for a Secret or the environment. Keep them "
                            + "secret.\n");
            List<String> names = new java.util.ArrayList<>();
            for (Required r : REQUIRED) {
                Optional<String> stored = repository.find(r.stored());
                if (configured(r.property()).isPresent()) {
                    out.append("# ").append(r.env()).append(" is configured already\n");
                } else if (stored.isPresent()) {
                    out.append(r.env()).append('=').append(stored.get()).append('\n');
                    names.add("'" + r.stored() + "'");
                } else {
                    out.append("# ").append(r.env()).append(" is neither configured nor stored\n");
                }
            }
            if (!names.isEmpty()) {
                out.append(
                                "# Once every replica runs with them, delete them from the database:\n# DELETE FROM app_secret "
                                        + "WHERE name IN (")
                        .append(String.join(", ", names))
                        .append(");\n");
            }
            return Optional.of(out.toString());
        });
    }

    private String stored(String name, String property) {
        if (generate) {
            return getOrCreate(name);
        }
        Optional<String> stored =
                fromDatabase ? QuarkusTransaction.requiringNew().call(() -> repository.find(name)) : Optional.empty();
        // whichever bean asks first, the message names every missing secret, not only its own
        return stored.orElseThrow(() -> new IllegalStateException(missingMessage(missing())));
    }

    /** The secrets neither configured nor, where that is allowed, stored. */
    private List<Required> missing() {
        return REQUIRED.stream()
                .filter(r -> configured(r.property()).isEmpty())
                .filter(r -> !fromDatabase
                        || QuarkusTransaction.requiringNew()
                                .call(() -> repository.find(r.stored()))
                                .isEmpty())
                .toList();
    }

    /** The stored value of {@code name}, generating and storing 32 random bytes first if there is none. */
    private String getOrCreate(String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.find(name).orElseGet(() -> {
                    LOG.warnf(
                            "No %s configured: generated one and stored it in the database (dev and test only).", name);
                    byte[] bytes = new byte[32];
                    new SecureRandom().nextBytes(bytes);
                    repository.insertIfAbsent(name, Base64.getEncoder().encodeToString(bytes));
                    return repository.find(name).orElseThrow();
                }));
    }

    /** The configured value or file of a property, if any. */
    private static Optional<String> configured(String property) {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue(property, String.class)
                .filter(v -> !v.isBlank())
                .or(() -> config.getOptionalValue(property + "-file", String.class)
                        .filter(v -> !v.isBlank()));
    }

    private static String read(Path file, String property) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + property + "-file " + file, e);
        }
    }

    static String missingMessage(List<Required> missing) {
        StringBuilder message = new StringBuilder(
                "Undersigned does not start in production without its keys, which must not live in the database. "
                        + "Missing:\n");
        for (Required r : missing) {
            message.append("  ")
                    .append(r.env())
                    .append(" (or ")
                    .append(r.env())
                    .append("_FILE, a file holding it): ")
                    .append(r.purpose())
                    .append('\n');
        }
        return message.append("Make each with: openssl rand -base64 32\n")
                .append("A deployment whose keys were generated into its database keeps them: start once with "
                        + "UNDERSIGNED_SECRETS_FROM_DATABASE=true, export them (POST /api/admin/secrets/export, see "
                        + "the README), configure them, then remove that setting.")
                .toString();
    }
}
