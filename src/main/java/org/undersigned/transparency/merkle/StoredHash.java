package org.undersigned.transparency.merkle;

import java.util.Arrays;
import java.util.HexFormat;

/** A complete subtree and its hash, as an appender stores it. Compared by value, hash bytes included. */
public record StoredHash(NodeId id, byte[] hash) {

    public StoredHash {
        Hashes.requireHash(hash, "stored hash");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredHash other && id.equals(other.id) && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return id + "=" + HexFormat.of().formatHex(hash);
    }
}
