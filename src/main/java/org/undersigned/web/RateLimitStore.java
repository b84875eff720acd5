package org.undersigned.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the token buckets live: PostgreSQL ({@link RateLimitRepository}) or this replica's memory (dev mode). */
sealed interface RateLimitStore permits RateLimitRepository, RateLimitStore.InMemory {

    /** A bucket to take a token from: its key (limit name and hashed key), its size and refill rate. */
    record Bucket(String id, double capacity, double perSecond) {}

    /**
     * Takes one token from each bucket (distinct ids) if every one holds a token, else none; returns 0, or the whole
     * seconds until every one will.
     */
    long take(List<Bucket> buckets);

    void removeExpired();

    /** The embedded dev database's buckets: in memory, this replica only. */
    final class InMemory implements RateLimitStore {

        private final Map<String, TokenBucket> buckets = new HashMap<>();

        @Override
        public synchronized long take(List<Bucket> requested) {
            long now = System.nanoTime();
            List<TokenBucket.Level> levels = new ArrayList<>();
            for (Bucket b : requested) {
                TokenBucket refilled = TokenBucket.refill(buckets.get(b.id()), now, b.capacity(), b.perSecond());
                buckets.put(b.id(), refilled);
                levels.add(new TokenBucket.Level(refilled.tokens(), b.perSecond()));
            }
            long wait = TokenBucket.wait(levels);
            if (wait == 0) {
                requested.forEach(b -> buckets.computeIfPresent(b.id(), (id, bucket) -> bucket.less(1)));
            }
            return wait;
        }

        @Override
        public void removeExpired() {
            // dev mode only: a few buckets per developer, gone with the process
        }
    }
}
