package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.undersigned.transparency.merkle.EntryBundle;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.NodeId;
import org.undersigned.transparency.merkle.StoredHash;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;

/** The log's tables, in plain JDBC: batches of inserts, and reads of a few rows by key. */
@ApplicationScoped
class LogStore {

    private final AgroalDataSource dataSource;

    LogStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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

    void insertHashes(long letterId, List<StoredHash> hashes) {
        jdbc(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO log_hash (letter_id, level, idx, hash) VALUES (?, ?, ?, ?)")) {
                for (StoredHash h : hashes) {
                    s.setLong(1, letterId);
                    s.setInt(2, h.id().level());
                    s.setLong(3, h.id().index());
                    s.setBytes(4, h.hash());
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /**
     * Reads stored subtree hashes by (level, index), in the order asked, failing if one is missing. On PostgreSQL
     * the keys go as two arrays into one statement of fixed shape, so its plan is prepared once and reused.
     */
    HashReader hashReader(long letterId) {
        return ids -> ids.isEmpty() ? List.of() : jdbc(c -> readHashes(c, letterId, ids));
    }

    /**
     * The same reads on a connection of their own, outside any transaction or Hibernate session: for proofs, whose
     * server time is mostly this one read.
     */
    HashReader directHashReader(long letterId) {
        return ids -> {
            if (ids.isEmpty()) {
                return List.of();
            }
            try (Connection c = dataSource.getConnection()) {
                return readHashes(c, letterId, ids);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read log hashes of letter " + letterId, e);
            }
        };
    }

    private static List<byte[]> readHashes(Connection c, long letterId, List<NodeId> ids) throws SQLException {
        Map<NodeId, byte[]> found = new HashMap<>();
        boolean postgres = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        try (PreparedStatement s = postgres ? byArrays(c, letterId, ids) : byPairs(c, letterId, ids);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.put(new NodeId(r.getInt(1), r.getLong(2)), r.getBytes(3));
            }
        }
        return ordered(letterId, ids, found);
    }

    private static PreparedStatement byArrays(Connection c, long letterId, List<NodeId> ids) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT h.level, h.idx, h.hash FROM log_hash h "
                + "JOIN unnest(?, ?) AS k(level, idx) ON h.level = k.level AND h.idx = k.idx WHERE h.letter_id = ?");
        s.setArray(1, c.createArrayOf("int4", ids.stream().map(NodeId::level).toArray()));
        s.setArray(2, c.createArrayOf("int8", ids.stream().map(NodeId::index).toArray()));
        s.setLong(3, letterId);
        return s;
    }

    private static PreparedStatement byPairs(Connection c, long letterId, List<NodeId> ids) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT level, idx, hash FROM log_hash WHERE letter_id = ? AND (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(level = ? AND idx = ?)");
        }
        PreparedStatement s = c.prepareStatement(sql.append(")").toString());
        int p = 1;
        s.setLong(p++, letterId);
        for (NodeId id : ids) {
            s.setInt(p++, id.level());
            s.setLong(p++, id.index());
        }
        return s;
    }

    /** The hashes of one level from index {@code from}, {@code count} of them: a tile, read as one range. */
    List<byte[]> hashRange(long letterId, int level, long from, int count) {
        List<NodeId> ids = LongStream.range(from, from + count)
                .mapToObj(i -> new NodeId(level, i))
                .toList();
        Map<NodeId, byte[]> found = new HashMap<>();
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT level, idx, hash FROM log_hash "
                    + "WHERE letter_id = ? AND level = ? AND idx >= ? AND idx < ?")) {
                s.setLong(1, letterId);
                s.setInt(2, level);
                s.setLong(3, from);
                s.setLong(4, from + count);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(new NodeId(r.getInt(1), r.getLong(2)), r.getBytes(3));
                    }
                }
            }
            return null;
        });
        return ordered(letterId, ids, found);
    }

    private static List<byte[]> ordered(long letterId, List<NodeId> ids, Map<NodeId, byte[]> found) {
        List<byte[]> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            byte[] h = found.get(id);
            if (h == null) {
                throw new IllegalStateException("log hash missing: letter " + letterId + " " + id);
            }
            out.add(h);
        }
        return out;
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
                ids -> hashRange(letterId, ids.get(0).level(), ids.get(0).index(), ids.size()));
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
