package org.undersigned.letters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Word diffs between versions, computed once per replica: a published version never changes, so a diff keyed by both
 * versions' text hashes stays right. The least recently used are dropped beyond {@link #MAX_ENTRIES}, so however many
 * ranges are asked for, the memory held is bounded. {@code undersigned.letters.diffs.computed} counts the misses.
 */
@ApplicationScoped
class Diffs {

    static final int MAX_ENTRIES = 512;

    private record Key(String slug, int from, int to, String fromSha256, String toSha256) {}

    private final Map<Key, WordDiff.Result> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, WordDiff.Result> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private final Counter computed;

    Diffs(MeterRegistry registry) {
        this.computed = registry.counter("undersigned.letters.diffs.computed");
    }

    WordDiff.Result between(String slug, LetterVersion a, LetterVersion b) {
        Key key = new Key(slug, a.number, b.number, a.textSha256, b.textSha256);
        synchronized (cache) {
            WordDiff.Result hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // computed outside the lock: two first requests may both compute, and get the same result
        WordDiff.Result result = WordDiff.between(a.markdown, b.markdown);
        computed.increment();
        synchronized (cache) {
            cache.put(key, result);
        }
        return result;
    }
}
