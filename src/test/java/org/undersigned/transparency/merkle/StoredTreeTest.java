package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.merkle.ReferenceTree.hex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoredTreeTest {

    private static final ReferenceTree TREE = ReferenceTree.withLeaves(700);

    @Test
    void treeHashFromStoredHashesEqualsTheRecursiveDefinitionForEverySizeUpTo300() {
        for (int n = 0; n <= 300; n++) {
            List<List<NodeId>> calls = new ArrayList<>();
            byte[] root = StoredTree.treeHash(n, TREE.storeOfSize(n, calls));

            assertThat(hex(root)).as("MTH(D[%d])", n).isEqualTo(hex(TREE.mth(0, n)));
            assertThat(hex(Hashes.treeHash(TREE.leafHashes(0, n)))).isEqualTo(hex(TREE.mth(0, n)));
            // One read, of one stored hash per bit set in n.
            assertThat(calls).hasSize(n == 0 ? 0 : 1);
            int subtrees = Integer.bitCount(n);
            calls.forEach(ids -> assertThat(ids).hasSize(subtrees));
        }
    }

    @Test
    void appendingInRandomBatchesStoresExactlyTheHashOfEveryCompleteSubtree() {
        Random random = new Random(9162);
        Map<NodeId, byte[]> store = new HashMap<>();
        HashReader reader = ids -> ids.stream()
                .map(id -> {
                    assertThat(store).as("read of %s", id).containsKey(id);
                    return store.get(id);
                })
                .toList();
        int size = 0;
        int batches = 0;
        while (size < 650) {
            int batch = random.nextInt(40); // empty batches included
            List<StoredHash> toStore = StoredTree.hashesToStore(size, TREE.leafHashes(size, size + batch), reader);

            assertThat(toStore)
                    .isSortedAccordingTo(Comparator.comparingInt((StoredHash s) -> s.id().level())
                            .thenComparingLong(s -> s.id().index()));
            toStore.forEach(s -> assertThat(store).as("overwrite of %s", s.id()).doesNotContainKey(s.id()));
            toStore.forEach(s -> store.put(s.id(), s.hash()));
            size += batch;
            batches++;

            assertThat(hexValues(store))
                    .as("stored after size %d", size)
                    .isEqualTo(hexValues(TREE.completeSubtrees(size)));
            assertThat(hex(StoredTree.treeHash(size, reader))).isEqualTo(hex(TREE.mth(0, size)));
        }
        assertThat(batches).isGreaterThan(20);
    }

    @Test
    void appendingOneLeafAtATimeFillsTheStorageIndexesInOrder() {
        Map<NodeId, byte[]> store = new HashMap<>();
        for (int n = 0; n < 300; n++) {
            List<StoredHash> toStore = StoredTree.hashesToStore(
                    n,
                    TREE.leafHashes(n, n + 1),
                    ids -> ids.stream().map(store::get).toList());
            toStore.forEach(s -> store.put(s.id(), s.hash()));

            List<Long> positions =
                    toStore.stream().map(s -> s.id().storageIndex()).sorted().toList();
            List<Long> expected = new ArrayList<>();
            for (long p = NodeId.storedHashCount(n); p < NodeId.storedHashCount(n + 1); p++) {
                expected.add(p);
            }
            assertThat(positions).as("appending leaf %d", n).isEqualTo(expected);
        }
    }

    @Test
    void theAppenderReadsOnlyTheLeftChildrenOfParentsItCompletes() {
        List<List<NodeId>> calls = new ArrayList<>();
        // Size 7 is subtrees (2,0), (1,2), (0,6); leaf 7 completes (1,3), (2,1) and (3,0), which need all three.
        StoredTree.hashesToStore(7, TREE.leafHashes(7, 8), TREE.storeOfSize(7, calls));
        assertThat(calls).containsExactly(List.of(new NodeId(0, 6), new NodeId(1, 2), new NodeId(2, 0)));

        // Leaf 6 is a left child and completes nothing: no read at all.
        calls.clear();
        List<StoredHash> leafOnly = StoredTree.hashesToStore(6, TREE.leafHashes(6, 7), TREE.storeOfSize(6, calls));
        assertThat(calls).isEmpty();
        assertThat(leafOnly).extracting(StoredHash::id).containsExactly(new NodeId(0, 6));

        // Nothing to append, nothing to read or store.
        assertThat(StoredTree.hashesToStore(7, List.of(), TREE.storeOfSize(7, calls)))
                .isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void malformedInputsAreRefused() {
        HashReader empty = ids -> List.of();
        assertThatThrownBy(() -> StoredTree.hashesToStore(0, List.of(new byte[31]), empty))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredTree.hashesToStore(-1, List.of(), empty))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredTree.treeHash(-1, empty)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredTree.treeHash(3, empty)).isInstanceOf(IllegalStateException.class);
    }

    private static Map<NodeId, String> hexValues(Map<NodeId, byte[]> hashes) {
        return hashes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> hex(e.getValue())));
    }
}
