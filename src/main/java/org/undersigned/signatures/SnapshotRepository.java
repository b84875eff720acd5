package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.SqlTimes;

/** signatory_snapshot and its parts (V42), and the query of the public signers live at a size. */
@ApplicationScoped
class SnapshotRepository {

    /** A letter's current snapshot: the checkpoint it is bound to, how many names, when built, which parts. */
    record Current(long letterId, long generation, long size, String root, String note, long names, Instant builtAt) {}

    /** A public signer live at the snapshot's size: the row and the version the log had them on. */
    record Live(long seq, int version) {}

    /**
     * Letters whose snapshot is due: none yet (or purged), or older than {@code cutoff} while the count's checkpoint
     * moved on; none claimed by a replica now.
     */
    @SuppressWarnings("unchecked")
    List<Long> due(Instant cutoff, Instant now) {
        List<Number> rows = em().createNativeQuery("SELECT c.letter_id FROM letter_count c "
                        + "LEFT JOIN signatory_snapshot s ON s.letter_id = c.letter_id "
                        + "WHERE c.dimension = 'checkpoint' AND c.n > 0 "
                        + "AND (s.claimed_until IS NULL OR s.claimed_until < ?2) "
                        + "AND (s.size IS NULL OR (c.n > s.size AND s.built_at < ?1)) ORDER BY c.letter_id")
                .setParameter(1, utc(cutoff))
                .setParameter(2, utc(now))
                .getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    /** Claims the letter's next build until {@code until}, unless another replica holds a claim; true when claimed. */
    boolean claim(long letterId, Instant now, Instant until) {
        em().createNativeQuery("INSERT INTO signatory_snapshot (letter_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .executeUpdate();
        return em().createNativeQuery("UPDATE signatory_snapshot SET claimed_until = ?3 WHERE letter_id = ?1 "
                                + "AND (claimed_until IS NULL OR claimed_until < ?2)")
                        .setParameter(1, letterId)
                        .setParameter(2, utc(now))
                        .setParameter(3, utc(until))
                        .executeUpdate()
                == 1;
    }

    void release(long letterId) {
        em().createNativeQuery("UPDATE signatory_snapshot SET claimed_until = NULL WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .executeUpdate();
    }

    /** Locks the letter's row, which an erasure updates too: a snapshot and an erasure never cross. */
    void lock(long letterId) {
        em().createNativeQuery("SELECT letter_id FROM signatory_snapshot WHERE letter_id = ?1 FOR UPDATE")
                .setParameter(1, letterId)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    Optional<Current> current(long letterId) {
        List<Object[]> rows = em().createNativeQuery("SELECT generation, size, root, note, names, built_at "
                        + "FROM signatory_snapshot WHERE letter_id = ?1 AND size IS NOT NULL")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Current(
                        letterId,
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).longValue(),
                        SqlTimes.utc(r[5]).toInstant()));
    }

    /**
     * The count audit's position when it compared the counts at a checkpoint there (count_audit), else empty: its
     * per-signer states (count_audit_signer) are then the log's at exactly that size.
     */
    @SuppressWarnings("unchecked")
    Optional<Long> auditedSize(long letterId) {
        List<Number> rows = em().createNativeQuery(
                        "SELECT position FROM count_audit WHERE letter_id = ?1 AND audited_at IS NOT NULL")
                .setParameter(1, letterId)
                .getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    /**
     * The public signers live in the log at {@code size}, after {@code afterSeq} in signing order: live by the count
     * audit's replay at that size, on each signer's latest row whose entry is before it (log_entry's index), listed
     * publicly and neither erased nor disowned now. Needs the audit at {@code size} in the same database snapshot.
     */
    @SuppressWarnings("unchecked")
    List<Live> live(long letterId, long size, long afterSeq, int limit) {
        List<Object[]> rows = em().createNativeQuery("SELECT s.seq, c.version FROM signature s "
                        + "JOIN count_audit_signer c ON c.letter_id = s.letter_id AND c.signer = s.signer_id "
                        + "WHERE s.letter_id = ?1 AND c.live = TRUE AND s.seq > ?3 AND s.listing = 'public' "
                        + "AND s.listing_salt IS NOT NULL AND s.erased_at IS NULL "
                        + "AND (s.moderation IS NULL OR s.moderation NOT IN ('REJECTED', 'DISOWNED')) "
                        + "AND EXISTS (SELECT 1 FROM log_entry e WHERE e.signature_seq = s.seq AND e.idx < ?2) "
                        + "AND NOT EXISTS (SELECT 1 FROM signature n WHERE n.letter_id = s.letter_id "
                        + "AND n.signer_id = s.signer_id AND n.seq > s.seq AND EXISTS (SELECT 1 FROM log_entry f "
                        + "WHERE f.signature_seq = n.seq AND f.idx < ?2)) ORDER BY s.seq")
                .setParameter(1, letterId)
                .setParameter(2, size)
                .setParameter(3, afterSeq)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Live(((Number) r[0]).longValue(), ((Number) r[1]).intValue()))
                .toList();
    }

    void savePart(long letterId, long generation, String format, int n, byte[] data) {
        em().createNativeQuery("INSERT INTO signatory_snapshot_part (letter_id, generation, format, n, data) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, letterId)
                .setParameter(2, generation)
                .setParameter(3, format)
                .setParameter(4, n)
                .setParameter(5, data)
                .executeUpdate();
    }

    /** Makes {@code c} the letter's snapshot and deletes every other generation's parts; the claim ends. */
    void publish(Current c) {
        em().createNativeQuery("UPDATE signatory_snapshot SET generation = ?2, size = ?3, root = ?4, note = ?5, "
                        + "names = ?6, built_at = ?7, claimed_until = NULL WHERE letter_id = ?1")
                .setParameter(1, c.letterId())
                .setParameter(2, c.generation())
                .setParameter(3, c.size())
                .setParameter(4, c.root())
                .setParameter(5, c.note())
                .setParameter(6, c.names())
                .setParameter(7, utc(c.builtAt()))
                .executeUpdate();
        em().createNativeQuery("DELETE FROM signatory_snapshot_part WHERE letter_id = ?1 AND generation <> ?2")
                .setParameter(1, c.letterId())
                .setParameter(2, c.generation())
                .executeUpdate();
    }

    /** Deletes the letter's snapshot and its parts (an erasure). */
    void purge(long letterId) {
        em().createNativeQuery("UPDATE signatory_snapshot SET generation = NULL, size = NULL, root = NULL, "
                        + "note = NULL, names = NULL, built_at = NULL WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .executeUpdate();
        deleteParts(letterId);
    }

    /** Deletes parts no snapshot owns (a build that stopped half-way). */
    void deleteParts(long letterId) {
        em().createNativeQuery("DELETE FROM signatory_snapshot_part p WHERE p.letter_id = ?1 AND NOT EXISTS "
                        + "(SELECT 1 FROM signatory_snapshot s WHERE s.letter_id = p.letter_id "
                        + "AND s.generation = p.generation)")
                .setParameter(1, letterId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Optional<byte[]> part(long letterId, long generation, String format, int n) {
        List<byte[]> rows = em().createNativeQuery("SELECT data FROM signatory_snapshot_part "
                        + "WHERE letter_id = ?1 AND generation = ?2 AND format = ?3 AND n = ?4")
                .setParameter(1, letterId)
                .setParameter(2, generation)
                .setParameter(3, format)
                .setParameter(4, n)
                .getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    long length(long letterId, long generation, String format) {
        List<Number> rows = em().createNativeQuery(
                        "SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM signatory_snapshot_part "
                                + "WHERE letter_id = ?1 AND generation = ?2 AND format = ?3")
                .setParameter(1, letterId)
                .setParameter(2, generation)
                .setParameter(3, format)
                .getResultList();
        return rows.get(0).longValue();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
