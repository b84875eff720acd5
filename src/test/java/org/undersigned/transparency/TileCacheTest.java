package org.undersigned.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TileCacheTest {

    private final TileCache cache = new TileCache(new MemorySize(BigInteger.valueOf(100)));

    @Test
    void keepsTilesPerLetterWithinItsByteBudgetDroppingTheLeastRecentlyUsed() {
        cache.put(1, "tile/0/000", new byte[40]);
        cache.put(2, "tile/0/000", new byte[40]);
        assertThat(cache.get(1, "tile/0/000")).hasSize(40); // now the most recently used
        cache.put(1, "tile/0/001", new byte[40]);
        assertThat(cache.get(2, "tile/0/000")).isNull();
        assertThat(cache.get(1, "tile/0/000")).isNotNull();
        assertThat(cache.get(1, "tile/0/001")).isNotNull();
    }

    @Test
    void neverHoldsATileLargerThanTheWholeBudget() {
        cache.put(1, "tile/entries/000", new byte[101]);
        assertThat(cache.get(1, "tile/entries/000")).isNull();
    }
}
