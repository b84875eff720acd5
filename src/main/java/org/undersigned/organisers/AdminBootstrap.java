package org.undersigned.organisers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.undersigned.web.SecretTokens;
import org.undersigned.web.StartupJob;

/**
 * The first admin of a fresh installation: until an admin has enrolled, one invitation for an admin exists, with the
 * code set by {@code undersigned.organisers.bootstrap-code} or else a random one printed in the log at the first start
 * (once: a restart does not print a new one, so a code seen once stays the one that works).
 */
@ApplicationScoped
class AdminBootstrap implements StartupJob {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final Invitations invitations;
    private final InvitationRepository repository;
    private final AccountRepository accounts;
    private final Optional<String> configured;

    AdminBootstrap(
            Invitations invitations,
            InvitationRepository repository,
            AccountRepository accounts,
            OrganisersConfig config) {
        this.invitations = invitations;
        this.repository = repository;
        this.accounts = accounts;
        this.configured = config.bootstrapCode().map(String::strip).filter(c -> !c.isEmpty());
        configured.ifPresent(code -> {
            if (!code.matches("[A-Za-z0-9_-]{20,100}")) {
                throw new IllegalStateException(
                        "undersigned.organisers.bootstrap-code (UNDERSIGNED_BOOTSTRAP_CODE) must"
                                + " be 20 to 100 characters of A-Z, a-z, 0-9, '-' and '_'.");
            }
        });
    }

    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 500;
    }

    @Override
    public void runAtStart() {
        try {
            QuarkusTransaction.requiringNew().run(() -> prepare(configured));
        } catch (PersistenceException raced) {
            // another replica created the bootstrap invitation at the same moment, and printed its code
            LOG.debug("bootstrap invitation made by another replica");
        }
    }

    /** Makes sure the first admin can enrol; logs how. Runs in the caller's transaction. */
    void prepare(Optional<String> code) {
        if (accounts.anyAdmin()) {
            code.ifPresent(c -> LOG.info(
                    "An admin has enrolled already: the bootstrap code set in the configuration" + " is not used."));
            return;
        }
        InvitationRepository.Bootstrap state = repository.bootstrap();
        if (code.isPresent()) {
            repository.deleteBootstrap();
            invitations.bootstrap(code.get());
            LOG.infof(
                    "No admin has enrolled yet: the first admin creates a passkey at %s (the configured bootstrap"
                            + " code).",
                    invitations.link("<bootstrap-code>"));
        } else if (state == InvitationRepository.Bootstrap.OPEN) {
            LOG.info("No admin has enrolled yet: use the bootstrap link printed at the first start, or set"
                    + " UNDERSIGNED_BOOTSTRAP_CODE to choose the code.");
        } else {
            repository.deleteBootstrap();
            String generated = SecretTokens.newToken();
            invitations.bootstrap(generated);
            LOG.warnf(
                    "No admin yet. The first admin creates a passkey at %s — this link works once; keep it"
                            + " private.",
                    invitations.link(generated));
        }
    }
}
