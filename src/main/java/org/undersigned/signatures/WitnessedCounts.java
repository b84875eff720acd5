package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.transparency.TransparencyLog;

/**
 * The count at the witnessed checkpoint (the total the sequencer recorded at that size), read at most once a second
 * per letter and replica: the count API is a hot path, and the witnessed checkpoint moves only as witnesses answer.
 */
@ApplicationScoped
class WitnessedCounts {

    private static final long TTL_NANOS = 1_000_000_000L;

    private record Entry(Optional<Signatories.Witnessed> value, long at) {}

    private final TransparencyLog log;
    private final CountRepository repository;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    WitnessedCounts(TransparencyLog log, CountRepository repository) {
        this.log = log;
        this.repository = repository;
    }

    /** Not transactional itself: most calls are served from memory; a refresh reads in a transaction of its own. */
    Optional<Signatories.Witnessed> of(long letterId) {
        long now = System.nanoTime();
        Entry entry = cache.get(letterId);
        if (entry == null || now - entry.at() >= TTL_NANOS) {
            entry = new Entry(
                    QuarkusTransaction.requiringNew()
                            .call(() -> log.witnessed(letterId)
                                    .map(head -> new Signatories.Witnessed(
                                            head.size(),
                                            head.rootHash(),
                                            repository
                                                    .totalAt(letterId, head.size())
                                                    .orElse(null)))),
                    now);
            cache.put(letterId, entry);
        }
        return entry.value();
    }
}
