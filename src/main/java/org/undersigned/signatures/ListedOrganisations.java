package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.undersigned.web.StartupJob;

/**
 * Fills the count of public signers per organisation from the signatures, once per database
 * (docs/ARCHITECTURE.md#signing). Entries written before it counted every signer's organisation, private ones too;
 * their count effects never touch the new dimension, so counting the live public signatures now is exact, and entries
 * written after it carry their own change. Runs at start-up, before this replica serves, under the task lock.
 */
@ApplicationScoped
class ListedOrganisations implements StartupJob {

    static final String TASK = "listed-organisations";
    private static final Logger LOG = Logger.getLogger(ListedOrganisations.class);

    private final SignatureRepository signatures;
    private final TaskRepository tasks;
    private final Counts counts;

    ListedOrganisations(SignatureRepository signatures, TaskRepository tasks, Counts counts) {
        this.signatures = signatures;
        this.tasks = tasks;
        this.counts = counts;
    }

    // before MailboxKeys, whose endings carry their own change of this count
    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION;
    }

    @Override
    public void runAtStart() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (tasks.done(TASK)) {
                return;
            }
            tasks.lock();
            if (tasks.done(TASK)) {
                return;
            }
            Map<Long, Map<String, Long>> byLetter = new TreeMap<>();
            for (Object[] row : signatures.listedOrganisations()) {
                byLetter.computeIfAbsent((Long) row[0], l -> new TreeMap<>())
                        .put((String) row[1], ((Number) row[2]).longValue());
            }
            byLetter.forEach((letterId, n) -> counts.backfill(letterId, Counts.LISTED_ORGANISATION, n));
            tasks.markDone(TASK);
            LOG.infof("Public signers per organisation counted for %d letters", byLetter.size());
        });
    }
}
