package org.undersigned.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token-bucket limits. On PostgreSQL the buckets live in the database, so a limit holds across all replicas, and all
 * of a request's limits cost one statement; on the embedded dev database they live in memory. Keys are hashed, so no
 * address or email is stored.
 */
@ApplicationScoped
public class RateLimiter {

    /** A named limit: {@code capacity} requests per {@code period}, refilled evenly over it. */
    public record Limit(String name, long capacity, Duration period) {
        double perSecond() {
            return capacity / (period.toNanos() / 1e9);
        }
    }

    /** One limit applied to one key (a network, a mailbox, a domain). */
    public record Key(Limit limit, String key) {}

    /** {@code undersigned.rate-limit.enabled}: false switches every limit off (load tests only). */
    @ConfigMapping(prefix = "undersigned.rate-limit.enabled")
    interface Enabled {
        @WithParentName
        @WithDefault("true")
        boolean value();
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final boolean enabled;
    private final RateLimitStore store;

    RateLimiter(
            Enabled enabled,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            AgroalDataSource dataSource) {
        this.enabled = enabled.value();
        this.store = "postgresql".equals(dbKind) ? new RateLimitRepository(dataSource) : new RateLimitStore.InMemory();
    }

    /** Takes one token for {@code key} under {@code limit}; throws 429 with Retry-After when none is left. */
    public void consume(Limit limit, String key) {
        consume(List.of(new Key(limit, key)));
    }

    /**
     * Takes one token from each key's bucket at once, or none when any has none left: then throws 429 with the wait
     * until every one has a token as Retry-After. A refused request spends nothing.
     */
    public void consume(List<Key> keys) {
        if (!enabled || keys.isEmpty()) {
            return;
        }
        Map<String, RateLimitStore.Bucket> buckets = new LinkedHashMap<>();
        for (Key k : keys) {
            String id = k.limit().name() + ":" + sha256(k.key());
            buckets.putIfAbsent(
                    id,
                    new RateLimitStore.Bucket(
                            id, k.limit().capacity(), k.limit().perSecond()));
        }
        long wait = store.take(List.copyOf(buckets.values()));
        if (wait > 0) {
            throw new TooManyRequests(wait);
        }
    }

    /** Whether {@link #consume} may wait on the database: the limits are on and kept there. */
    public boolean blocks() {
        return enabled && store instanceof RateLimitRepository;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        store.removeExpired();
    }

    private static String sha256(String key) {
        byte[] d = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 16);
    }
}
