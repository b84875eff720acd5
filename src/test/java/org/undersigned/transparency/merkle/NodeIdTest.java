package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void storageIndexPutsEachLeafBeforeTheSubtreesItCompletes() {
        // The tlog order: leaf 0, leaf 1, (1,0), leaf 2, leaf 3, (1,1), (2,0), leaf 4, ...
        List<NodeId> order = List.of(
                new NodeId(0, 0),
                new NodeId(0, 1),
                new NodeId(1, 0),
                new NodeId(0, 2),
                new NodeId(0, 3),
                new NodeId(1, 1),
                new NodeId(2, 0),
                new NodeId(0, 4));
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i).storageIndex()).as("%s", order.get(i)).isEqualTo(i);
        }
    }

    @Test
    void fromStorageIndexInvertsStorageIndex() {
        for (long i = 0; i < 20_000; i++) {
            assertThat(NodeId.fromStorageIndex(i).storageIndex()).isEqualTo(i);
        }
        NodeId far = new NodeId(17, 123_456_789);
        assertThat(NodeId.fromStorageIndex(far.storageIndex())).isEqualTo(far);
    }

    @Test
    void theCompleteSubtreesOfATreeFillTheFirstStoredHashCountPositions() {
        for (int n = 0; n <= 300; n++) {
            Set<Long> positions = new HashSet<>();
            for (int level = 0; (1L << level) <= n; level++) {
                for (long index = 0; (index + 1) << level <= n; index++) {
                    positions.add(new NodeId(level, index).storageIndex());
                }
            }
            List<Long> expected = new ArrayList<>();
            for (long p = 0; p < NodeId.storedHashCount(n); p++) {
                expected.add(p);
            }
            assertThat(positions).as("size %d", n).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aSubtreeCoversTwoToTheLevelLeavesFromIndexTimesThat() {
        NodeId id = new NodeId(3, 5);
        assertThat(id.firstLeaf()).isEqualTo(40);
        assertThat(id.endLeaf()).isEqualTo(48);
    }

    @Test
    void subtreesBeyondALongTreeDoNotExist() {
        assertThatThrownBy(() -> new NodeId(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(63, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(62, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NodeId(62, 0).endLeaf()).isEqualTo(1L << 62);
        assertThat(new NodeId(0, Long.MAX_VALUE - 1).endLeaf()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> NodeId.fromStorageIndex(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
