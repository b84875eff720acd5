package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.transparency.merkle.EntryBundle;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;

/**
 * Hash tiles and entry bundles (C2SP tlog-tiles): full ones stored once when they fill up (log_tile), any one
 * assembled from the entries and hashes it is made of.
 */
@ApplicationScoped
class TileRepository {

    private final EntryRepository entryRepository;
    private final HashRepository hashRepository;

    TileRepository(EntryRepository entryRepository, HashRepository hashRepository) {
        this.entryRepository = entryRepository;
        this.hashRepository = hashRepository;
    }

    /** A tile's or bundle's body from the stored hashes or entries (a range read of one level, or of the log). */
    byte[] assemble(long letterId, TilePath tile) {
        if (tile instanceof EntryBundle b) {
            return bundle(entryRepository.range(letterId, b.firstEntry(), b.width()));
        }
        Tile t = (Tile) tile;
        return t.content(ids ->
                hashRepository.range(letterId, ids.get(0).level(), ids.get(0).index(), ids.size()));
    }

    /** C2SP tlog-tiles §Log entries: each entry as a big-endian uint16 length followed by its bytes. */
    private static byte[] bundle(List<StoredEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StoredEntry e : entries) {
            byte[] data = LogEntries.utf8(e.entry());
            out.write(data.length >>> 8);
            out.write(data.length & 0xff);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /**
     * Stores the bodies of tiles that have just become full (the sequencer's transaction). Plain JDBC, in the
     * sequencer's batch: stored full tiles took mixed tiles from 7,462 to 10,753 req/s at 10M entries while 2,494
     * entries/s were integrated (bench/LOG.md, 2026-11-23 22:44).
     */
    void insert(long letterId, Map<String, byte[]> tiles) {
        jdbc(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO log_tile (letter_id, path, data) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, byte[]> t : tiles.entrySet()) {
                    s.setLong(1, letterId);
                    s.setString(2, t.getKey());
                    s.setBytes(3, t.getValue());
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /**
     * A full tile's stored body; empty for a tile completed before tiles were stored (assemble it instead). Plain
     * JDBC, one row per tile: tiles at 10M entries, 12,201 req/s on 64 connections (bench/LOG.md).
     */
    Optional<byte[]> stored(long letterId, String path) {
        return jdbc(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT data FROM log_tile WHERE letter_id = ? AND path = ?")) {
                s.setLong(1, letterId);
                s.setString(2, path);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }
}
