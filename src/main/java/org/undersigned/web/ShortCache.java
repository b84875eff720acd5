package org.undersigned.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A per-replica cache whose entries live a short, fixed time: for reads that every request makes (a letter, its
 * counts, its thread) and that may be a moment stale on other replicas. The owner forgets an entry when it changes
 * it on this replica. Holds at most {@code maxEntries} keys (cleared when full: keys come from URLs). When an entry
 * expires, one request reloads it while the others keep getting the old value, so a busy key is never loaded by
 * every request at once.
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, long at, AtomicBoolean reloading) {}

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && (now - e.at() < ttlNanos || !e.reloading().compareAndSet(false, true))) {
            return e.value();
        }
        V value;
        try {
            value = load.apply(key);
        } catch (RuntimeException failure) {
            if (e != null) {
                e.reloading().set(false);
            }
            throw failure;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now, new AtomicBoolean()));
        return value;
    }

    /** The value loaded less than the time to live ago, or null: never loads, so a caller that may not block can ask. */
    public V fresh(K key) {
        Entry<V> e = entries.get(key);
        return e != null && System.nanoTime() - e.at() < ttlNanos ? e.value() : null;
    }

    /** Stores a value loaded elsewhere, as of now. */
    public void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime(), new AtomicBoolean()));
    }

    public void forget(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
