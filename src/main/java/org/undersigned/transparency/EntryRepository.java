package org.undersigned.transparency;

import static org.undersigned.transparency.LogDatabase.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The sequenced entries (log_entry), insert-only: each at the index the sequencer gave it. */
@ApplicationScoped
class EntryRepository {

    /**
     * Plain JDBC, one batch per sequencer transaction: a burst of 100,000 confirmations is integrated at 30,488
     * entries/s at 10M entries (bench/LOG.md).
     */
    void insert(long letterId, long firstIndex, List<PendingEvent> entries) {
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

    /**
     * The entries from index {@code from}, {@code count} of them: an entry bundle's rows. Plain JDBC: bundles read
     * as this range served 5,176 req/s at 10M entries (bench/LOG.md, 2026-11-23 21:08).
     */
    List<StoredEntry> range(long letterId, long from, int count) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT idx, entry, signature_seq FROM log_entry "
                    + "WHERE letter_id = ? AND idx >= ? AND idx < ? ORDER BY idx")) {
                s.setLong(1, letterId);
                s.setLong(2, from);
                s.setLong(3, from + count);
                List<StoredEntry> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(3);
                        Long signatureSeq = r.wasNull() ? null : seq; // wasNull is of the column read last
                        rows.add(new StoredEntry(r.getLong(1), r.getString(2), signatureSeq));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * The log entries about one signature, in log order. Receipts are not a measured hot path, so by the rule this
     * read belongs on Panache; it stays plain JDBC, as it was, in a split that changes no statement.
     */
    List<StoredEntry> ofSignature(long letterId, long signatureSeq) {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT idx, entry, signature_seq FROM log_entry "
                    + "WHERE letter_id = ? AND signature_seq = ? ORDER BY idx")) {
                s.setLong(1, letterId);
                s.setLong(2, signatureSeq);
                List<StoredEntry> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new StoredEntry(r.getLong(1), r.getString(2), r.getLong(3)));
                    }
                }
                return rows;
            }
        });
    }
}
