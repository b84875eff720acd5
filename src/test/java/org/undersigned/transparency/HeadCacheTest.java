package org.undersigned.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.NodeId;

class HeadCacheTest {

    @Test
    void upperLevelsAreReadOnceAndLowerLevelsEveryTimeInTheOrderAsked() {
        List<NodeId> asked = new ArrayList<>();
        HashReader db = ids -> {
            asked.addAll(ids);
            return ids.stream()
                    .map(id -> new byte[] {(byte) id.level(), (byte) id.index()})
                    .toList();
        };
        HashReader reader = HeadCache.caching(db, new ConcurrentHashMap<>());
        List<NodeId> proof = List.of(new NodeId(0, 5), new NodeId(8, 1), new NodeId(3, 2), new NodeId(12, 0));

        List<byte[]> first = reader.readHashes(proof);
        List<byte[]> second = reader.readHashes(proof);

        assertThat(second).zipSatisfy(first, (a, b) -> assertThat(a).isEqualTo(b));
        assertThat(first.get(1)).containsExactly(8, 1);
        assertThat(first.get(3)).containsExactly(12, 0);
        assertThat(asked)
                .containsExactly(
                        new NodeId(0, 5),
                        new NodeId(8, 1),
                        new NodeId(3, 2),
                        new NodeId(12, 0),
                        new NodeId(0, 5),
                        new NodeId(3, 2));
    }
}
