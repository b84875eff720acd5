package org.undersigned.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.transparency.merkle.ReferenceTree.hex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** C2SP tlog-tiles paths and tile sets, with the spec's own examples. */
class TilePathTest {

    @Test
    void indexIsEncodedInThreeDigitElementsAllButTheLastPrefixedWithX() {
        assertThat(TilePath.encodeIndex(1234067)).isEqualTo("x001/x234/067"); // the spec's example
        assertThat(TilePath.encodeIndex(0)).isEqualTo("000");
        assertThat(TilePath.encodeIndex(999)).isEqualTo("999");
        assertThat(TilePath.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(TilePath.encodeIndex(Long.MAX_VALUE)).isEqualTo("x009/x223/x372/x036/x854/x775/807");
        assertThatThrownBy(() -> TilePath.encodeIndex(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullAndPartialTilesAndBundlesHaveTheirSpecPaths() {
        assertThat(new Tile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile(0, 1234067, 8).path()).isEqualTo("tile/0/x001/x234/067.p/8");
        assertThat(new Tile(2, 0, 1).path()).isEqualTo("tile/2/000.p/1");
        assertThat(new EntryBundle(1234067, 256).path()).isEqualTo("tile/entries/x001/x234/067");
        assertThat(new EntryBundle(5, 255).path()).isEqualTo("tile/entries/005.p/255");
    }

    @Test
    void parsingReturnsTheTileOrBundleThePathNames() {
        assertThat(TilePath.parse("tile/0/x001/x234/067")).isEqualTo(new Tile(0, 1234067, 256));
        assertThat(TilePath.parse("tile/1/x001/x234/067.p/8")).isEqualTo(new Tile(1, 1234067, 8));
        assertThat(TilePath.parse("tile/63/000.p/255")).isEqualTo(new Tile(63, 0, 255));
        assertThat(TilePath.parse("tile/entries/x001/x234/067.p/1")).isEqualTo(new EntryBundle(1234067, 1));
        assertThat(TilePath.parse("tile/entries/000")).isEqualTo(new EntryBundle(0, 256));
        assertThat(TilePath.parse("tile/0/x009/x223/x372/x036/x854/x775/807"))
                .isEqualTo(new Tile(0, Long.MAX_VALUE, 256));
    }

    @Test
    void parsingInvertsPathForEveryTileOfATree() {
        List<TilePath> all = new ArrayList<>(Tile.forTreeSize(70_000));
        all.addAll(EntryBundle.forTreeSize(70_000));
        for (TilePath tile : all) {
            assertThat(TilePath.parse(tile.path())).isEqualTo(tile);
        }
    }

    @Test
    void parsingRejectsEveryPathThatIsNotTheCanonicalOne() {
        for (String bad : List.of(
                "",
                "tile",
                "tile/0",
                "tile/0/",
                "/tile/0/000",
                "tile/0/000/",
                "tiles/0/000",
                "tile/00/000",
                "tile/01/000",
                "tile/64/000",
                "tile/100/000",
                "tile/-1/000",
                "tile/+1/000", // L
                "tile/0/0",
                "tile/0/00",
                "tile/0/0000",
                "tile/0/x000/000",
                "tile/0/x000/x001/000", // N
                "tile/0/001/000",
                "tile/0/x001/x000",
                "tile/0/x1/000",
                "tile/0/X001/000",
                "tile/0/x001000",
                "tile/0/x010/x000/x000/x000/x000/x000/x000/000",
                "tile/0/x009/x223/x372/x036/x854/x775/808",
                "tile/0/\u0661\u0662\u0663", // Arabic-Indic digits
                "tile/0/000.p/0",
                "tile/0/000.p/256",
                "tile/0/000.p/010",
                "tile/0/000.p/",
                "tile/0/000.p", // W
                "tile/0/000.p/1/",
                "tile/0/000.P/1",
                "tile/0/000.p/1000",
                "tile/0/x001.p/1/000",
                "tile/entries/0000",
                "tile/entries/000.p/256",
                "tile/entries/x000/001",
                "tile/data/000")) {
            assertThatThrownBy(() -> TilePath.parse(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTreeOf70000HasTheTilesTheSpecLists() {
        // 273 full level 0 tiles, one of width 112; one full level 1 tile, one of width 17; one level 2 of width 1.
        List<Tile> tiles = Tile.forTreeSize(70_000);
        assertThat(tiles).hasSize(273 + 1 + 1 + 1 + 1);
        assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
        assertThat(tiles.stream().filter(TilePath::isPartial))
                .containsExactly(new Tile(0, 273, 112), new Tile(1, 1, 17), new Tile(2, 0, 1));
        assertThat(tiles).contains(new Tile(1, 0, 256));
        assertThat(EntryBundle.forTreeSize(70_000)).hasSize(274).endsWith(new EntryBundle(273, 112));
    }

    @Test
    void aTreeOf256HasAFullLevel0TileAndAOneWideLevel1Tile() {
        assertThat(Tile.forTreeSize(256)).containsExactly(new Tile(0, 0, 256), new Tile(1, 0, 1));
        assertThat(Tile.forTreeSize(0)).isEmpty();
        assertThat(Tile.forTreeSize(1)).containsExactly(new Tile(0, 0, 1));
        assertThat(EntryBundle.forTreeSize(256)).containsExactly(new EntryBundle(0, 256));
    }

    @Test
    void aTileIsPartOfATreeIfFullAndCoveredOrExactlyItsPartialTile() {
        for (long size : new long[] {0, 1, 255, 256, 257, 65_535, 65_536, 70_000}) {
            List<Tile> tiles = Tile.forTreeSize(size);
            for (int level = 0; level < 3; level++) {
                for (long index = 0; index < 3; index++) {
                    for (int width : new int[] {1, 17, 112, 255, 256}) {
                        Tile tile = new Tile(level, index, width);
                        assertThat(tile.isPartOf(size))
                                .as("%s in %d", tile, size)
                                .isEqualTo(tiles.contains(tile));
                    }
                }
            }
            List<EntryBundle> bundles = EntryBundle.forTreeSize(size);
            for (long index = 0; index < 300; index++) {
                for (int width : new int[] {1, 112, 255, 256}) {
                    EntryBundle bundle = new EntryBundle(index, width);
                    assertThat(bundle.isPartOf(size)).isEqualTo(bundles.contains(bundle));
                }
            }
        }
        assertThat(new Tile(7, 0, 127).isPartOf(Long.MAX_VALUE)).isTrue(); // 2^63 - 1 leaves: 127 level 56 subtrees
        assertThat(new Tile(8, 0, 1).isPartOf(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aTileHoldsTheSubtreeHashesAtEightTimesItsLevel() {
        // Level 1 tile 0 of width 2 holds MTH(D[0:256]) and MTH(D[256:512]): level 8 subtrees 0 and 1.
        ReferenceTree tree = ReferenceTree.withLeaves(600);
        Tile tile = new Tile(1, 0, 2);
        assertThat(tile.hashIds()).containsExactly(new NodeId(8, 0), new NodeId(8, 1));
        assertThat(hex(tile.content(tree.storeOfSize(600, new ArrayList<>()))))
                .isEqualTo(hex(tree.mth(0, 256)) + hex(tree.mth(256, 512)));
        assertThat(new Tile(0, 2, 3).hashIds())
                .containsExactly(new NodeId(0, 512), new NodeId(0, 513), new NodeId(0, 514));
        assertThat(new EntryBundle(2, 3).firstEntry()).isEqualTo(512);
    }

    @Test
    void growingATreeCompletesExactlyTheFullTilesTheLargerTreeHasAndTheSmallerLacks() {
        long[] sizes = {0, 1, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 70_000, 131_072};
        for (long from : sizes) {
            for (long to : sizes) {
                if (to < from) {
                    continue;
                }
                Set<TilePath> expected = new HashSet<>(fullTiles(to));
                expected.removeAll(fullTiles(from));
                List<TilePath> completed = Tile.completedBy(from, to);
                assertThat(new HashSet<>(completed)).as("%d -> %d", from, to).isEqualTo(expected);
                assertThat(completed).as("%d -> %d, each once", from, to).hasSize(expected.size());
            }
        }
        // the 16,777,216th entry completes a tile at every level up to 2
        assertThat(Tile.completedBy(16_777_215, 16_777_217))
                .containsExactly(
                        new EntryBundle(65_535, 256),
                        new Tile(0, 65_535, 256),
                        new Tile(1, 255, 256),
                        new Tile(2, 0, 256));
        assertThatThrownBy(() -> Tile.completedBy(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<TilePath> fullTiles(long size) {
        List<TilePath> full = new ArrayList<>();
        Tile.forTreeSize(size).stream().filter(t -> !t.isPartial()).forEach(full::add);
        EntryBundle.forTreeSize(size).stream().filter(b -> !b.isPartial()).forEach(full::add);
        return full;
    }

    @Test
    void tilesOutsideTheSpecRangesCannotBeMade() {
        assertThatThrownBy(() -> new Tile(64, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, -1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tile(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryBundle(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tile.forTreeSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialTilesOfOlderTreeSizesStillExistButNotTilesBeyondTheTree() {
        // a client holding the checkpoint of size 300 asks for entries/001.p/44 after the tree grew to 400
        Assertions.assertThat(new EntryBundle(1, 44).existsIn(400)).isTrue();
        Assertions.assertThat(new EntryBundle(1, 44).isPartOf(400)).isFalse();
        Assertions.assertThat(new EntryBundle(1, 145).existsIn(400)).isFalse();
        Assertions.assertThat(new Tile(0, 1, 256).existsIn(511)).isFalse();
        Assertions.assertThat(new Tile(0, 1, 256).existsIn(512)).isTrue();
        // level 1 holds one hash per 256 leaves
        Assertions.assertThat(new Tile(1, 0, 2).existsIn(2 * 256)).isTrue();
        Assertions.assertThat(new Tile(1, 0, 3).existsIn(2 * 256 + 255)).isFalse();
    }
}
