package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewBucketIsFull() {
        assertThat(TokenBucket.refill(null, 5 * SECOND, 3, 0.1)).isEqualTo(new TokenBucket(3, 5 * SECOND));
    }

    @Test
    void aBucketRefillsWithTimeUpToItsCapacity() {
        TokenBucket empty = new TokenBucket(0, 0);
        assertThat(TokenBucket.refill(empty, 9 * SECOND, 3, 0.1).tokens()).isCloseTo(0.9, within(1e-9));
        assertThat(TokenBucket.refill(empty, 3600 * SECOND, 3, 0.1).tokens()).isEqualTo(3);
    }

    @Test
    void aRequestWaitsUntilItsShortestBucketHoldsAToken() {
        List<TokenBucket.Level> levels = List.of(
                new TokenBucket.Level(2.5, 0.1),
                new TokenBucket.Level(0.5, 3 / 600.0),
                new TokenBucket.Level(0.9, 0.1));
        assertThat(TokenBucket.wait(levels)).isEqualTo(100);
    }

    @Test
    void aRequestWhoseBucketsAllHoldATokenDoesNotWait() {
        assertThat(TokenBucket.wait(List.of(new TokenBucket.Level(1, 0.1), new TokenBucket.Level(2, 0.1))))
                .isZero();
    }

    @Test
    void aWaitIsAtLeastOneSecond() {
        assertThat(TokenBucket.wait(List.of(new TokenBucket.Level(0.9999, 10)))).isEqualTo(1);
    }
}
