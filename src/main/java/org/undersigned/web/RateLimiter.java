package org.undersigned.web;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token-bucket limits (bucket4j). On PostgreSQL the buckets live in the database, so a limit holds across all
 * replicas; on the embedded dev database they live in memory. Keys are hashed, so no address or email is stored.
 */
@ApplicationScoped
public class RateLimiter {

    /** A named limit: {@code capacity} requests per {@code period}. */
    public record Limit(String name, long capacity, Duration period) {}

    /** {@code undersigned.rate-limit.enabled}: false switches every limit off (load tests only). */
    @ConfigMapping(prefix = "undersigned.rate-limit.enabled")
    interface Enabled {
        @WithParentName
        @WithDefault("true")
        boolean value();
    }

    private final boolean enabled;
    private final ProxyManager<String> shared;
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

    RateLimiter(
            Enabled enabled,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            AgroalDataSource dataSource) {
        this.enabled = enabled.value();
        this.shared = "postgresql".equals(dbKind)
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("rate_limit_bucket")
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofMinutes(1)))
                        .build()
                : null;
    }

    /** Takes one token for {@code key} under {@code limit}; throws 429 with Retry-After when none is left. */
    public void consume(Limit limit, String key) {
        if (!enabled) {
            return;
        }
        String id = limit.name() + ":" + sha256(key);
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
        ConsumptionProbe probe = shared != null
                ? shared.getProxy(id, () -> config).tryConsumeAndReturnRemaining(1)
                : local.computeIfAbsent(
                                id,
                                k -> Bucket.builder()
                                        .addLimit(config.getBandwidths()[0])
                                        .build())
                        .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyRequests(seconds);
        }
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        if (shared != null && shared instanceof ExpiredEntriesCleaner cleaner) {
            while (cleaner.removeExpired(1000) == 1000) {
                // keep going while full batches come back
            }
        }
    }

    private static String sha256(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
