package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Forgets sign-ups that were never confirmed: their name and address were typed by someone who may not even own the
 * address, and keeping them serves nobody once no link can confirm them. After
 * {@code undersigned.signatures.unconfirmed-retention} (counted from the sign-up and from the last link sent) the
 * row and its expired links are deleted; the address may then sign again. Nothing of them was ever logged.
 */
@ApplicationScoped
class UnconfirmedSignUps {

    private static final Logger LOG = Logger.getLogger(UnconfirmedSignUps.class);
    static final int BATCH = 2000;

    private final Clock clock;
    private final SignatureRepository signatures;
    private final Duration retention;

    UnconfirmedSignUps(Clock clock, SignatureRepository signatures, SignaturesConfig config) {
        this.clock = clock;
        this.signatures = signatures;
        this.retention = config.unconfirmedRetention();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d sign-ups never confirmed within %s", deleted, retention);
        }
    }

    /** Deletes every abandoned sign-up, a batch per transaction; returns how many. */
    int purge() {
        int total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                List<Long> seqs = signatures.abandoned(now.minus(retention), now, BATCH);
                if (!seqs.isEmpty()) {
                    signatures.deleteAbandoned(seqs);
                }
                return seqs.size();
            });
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
