package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
