package org.undersigned.transparency;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full tiles and full entry bundles never change once served (C2SP tlog-tiles), so each replica keeps the most
 * recently used ones in memory, up to {@code undersigned.log.tile-cache} bytes: verifiers fetching the same tiles
 * then cost no database read. Partial tiles are never cached.
 */
@ApplicationScoped
class TileCache {

    private final long budget;
    private long bytes;
    private final LinkedHashMap<String, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);

    @Inject
    TileCache(LogConfig config) {
        this(config.tileCache());
    }

    TileCache(MemorySize budget) {
        this.budget = budget.asLongValue();
    }

    synchronized byte[] get(long letterId, String path) {
        return tiles.get(letterId + "/" + path);
    }

    synchronized void put(long letterId, String path, byte[] tile) {
        if (tile.length > budget || tiles.containsKey(letterId + "/" + path)) {
            return;
        }
        tiles.put(letterId + "/" + path, tile);
        bytes += tile.length;
        var eldest = tiles.entrySet().iterator();
        while (bytes > budget && eldest.hasNext()) {
            Map.Entry<String, byte[]> e = eldest.next();
            bytes -= e.getValue().length;
            eldest.remove();
        }
    }
}
