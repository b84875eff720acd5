package org.undersigned.transparency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** The stored value of {@code name}, generating and storing one first if there is none. */
    public String getOrCreate(String name, Supplier<String> generator) {
        return QuarkusTransaction.requiringNew().call(() -> repository.find(name).orElseGet(() -> {
            LOG.warnf("No %s configured: generated one and stored it in the database. Configure it to keep it "
                    + "outside the database.", name);
            repository.insertIfAbsent(name, generator.get());
            return repository.find(name).orElseThrow();
        }));
    }
}
