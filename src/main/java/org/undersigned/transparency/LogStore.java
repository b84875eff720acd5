package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.transparency.merkle.EntryBundle;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;

/** The log's tables, in plain JDBC: batches of inserts, and reads of a few rows by key. */
@ApplicationScoped
class LogStore {

    private final HashRepository hashes;

    LogStore(HashRepository hashes) {
        this.hashes = hashes;
    }

    record Entry(long index, String entry, Long signatureSeq) {}

    void insertEntries(long letterId, long firstIndex, List<PendingEvent> entries) {
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO log_entry (letter_id, idx, entry, signature_seq) VALUES (?, ?, ?, ?)")) {
                long idx = firstIndex;
                for (PendingEvent p : entries) {
                    s.setLong(1, letterId);
                    s.setLong(2, idx++);
                    s.setString(3, p.entry());
                    s.setObject(4, p.signatureSeq(), Types.BIGINT);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    List<Entry> entries(long letterId, long from, int count) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT idx, entry, signature_seq FROM log_entry "
                    + "WHERE letter_id = ? AND idx >= ? AND idx < ? ORDER BY idx")) {
                s.setLong(1, letterId);
                s.setLong(2, from);
                s.setLong(3, from + count);
                List<Entry> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(3);
                        rows.add(new Entry(r.getLong(1), r.getString(2), r.wasNull() ? null : seq));
                    }
                }
                return rows;
            }
        });
    }

    /** The log entries about one signature, in log order. */
    List<Entry> entriesOfSignature(long letterId, long signatureSeq) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT idx, entry, signature_seq FROM log_entry "
                    + "WHERE letter_id = ? AND signature_seq = ? ORDER BY idx")) {
                s.setLong(1, letterId);
                s.setLong(2, signatureSeq);
                List<Entry> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Entry(r.getLong(1), r.getString(2), r.getLong(3)));
                    }
                }
                return rows;
            }
        });
    }

    /** A tile's or bundle's body from the stored hashes or entries (a range read of one level, or of the log). */
    byte[] assemble(long letterId, TilePath tile) {
        if (tile instanceof EntryBundle b) {
            return bundle(entries(letterId, b.firstEntry(), b.width()));
        }
        Tile t = (Tile) tile;
        return t.content(
                ids -> hashes.range(letterId, ids.get(0).level(), ids.get(0).index(), ids.size()));
    }

    /** C2SP tlog-tiles §Log entries: each entry as a big-endian uint16 length followed by its bytes. */
    static byte[] bundle(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] data = utf8(e.entry());
            out.write(data.length >>> 8);
            out.write(data.length & 0xff);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /** Stores the bodies of tiles that have just become full (the sequencer's transaction). */
    void insertTiles(long letterId, Map<String, byte[]> tiles) {
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

    /** A full tile's stored body; empty for a tile completed before tiles were stored (assemble it instead). */
    Optional<byte[]> storedTile(long letterId, String path) {
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

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
