package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + loads.incrementAndGet();
    }

    @Test
    void keepsAValueForItsLifetimeUntilForgotten() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofMinutes(1), 10);
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        cache.forget("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }

    @Test
    void aZeroLifetimeAlwaysReadsAfresh() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ZERO, 10);
        cache.get("a", this::load);
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }

    @Test
    void neverHoldsMoreKeysThanItsBound() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ofMinutes(1), 2);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load); // full: starts over
        assertThat(cache.get("a", this::load)).isEqualTo("a4");
    }

    @Test
    void whileOneCallerReloadsAnExpiredEntryTheOthersGetTheOldValue() throws Exception {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ZERO, 10);
        cache.get("a", this::load);
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("a", key -> {
            reloading.countDown();
            await(release);
            return load(key);
        }));
        assertThat(reloading.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("a2");
        assertThat(cache.get("a", this::load)).isEqualTo("a3");
    }

    @Test
    void aFailedReloadLetsTheNextCallerTryAgain() {
        ShortCache<String, String> cache = new ShortCache<>(Duration.ZERO, 10);
        cache.get("a", this::load);
        assertThatThrownBy(() -> cache.get("a", key -> {
                    throw new IllegalStateException("database down");
                }))
                .hasMessage("database down");
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
