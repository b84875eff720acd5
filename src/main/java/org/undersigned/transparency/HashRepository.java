package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.NodeId;
import org.undersigned.transparency.merkle.StoredHash;

/**
 * The stored hash of every complete subtree (log_hash), by (level, index). All plain JDBC: these are the reads of
 * proofs and hash tiles and the sequencer's largest batch, each measured below.
 */
@ApplicationScoped
class HashRepository {

    private final AgroalDataSource dataSource;

    HashRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Plain JDBC, one batch per sequencer transaction (about two hashes per entry): the sequencer integrates 2,501
     * entries/s with checkpoint lag max 0.355 s at 10M entries (bench/LOG.md).
     */
    void insert(long letterId, List<StoredHash> hashes) {
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
     * Reads stored subtree hashes by (level, index), in the order asked, failing if one is missing, in the caller's
     * transaction (the sequencer's, a receipt's). On PostgreSQL the keys go as two arrays into one statement of fixed
     * shape, so its plan is prepared once and reused: plain JDBC for that, which took proofs on 32 connections from
     * 830 to 1,666 req/s at 10M entries (bench/LOG.md, 2026-11-23 19:20).
     */
    HashReader reader(long letterId) {
        return ids -> ids.isEmpty() ? List.of() : jdbc(c -> readHashes(c, letterId, ids));
    }

    /**
     * The same reads on a connection of their own, outside any transaction or Hibernate session: for proofs, whose
     * server time is mostly this one read. Plain JDBC: proofs at 10M entries, p99 0.48 ms server time (bench/LOG.md).
     */
    HashReader directReader(long letterId) {
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

    /**
     * The hashes of one level from index {@code from}, {@code count} of them: a tile, read as one range. Plain JDBC:
     * level-0 hash tiles went from 414 to 2,151 req/s once read as one range at 10M entries (bench/LOG.md).
     */
    List<byte[]> range(long letterId, int level, long from, int count) {
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
}
