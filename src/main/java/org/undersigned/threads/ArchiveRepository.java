package org.undersigned.threads;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** thread_archive: archived copies, only added; one per letter and content hash. */
@ApplicationScoped
class ArchiveRepository {

    /** A copy without its bytes. */
    record Copy(
            String sha256,
            String sourceUrl,
            String finalUrl,
            String contentType,
            long size,
            OffsetDateTime retrievedAt) {}

    /** Stores a copy unless this letter has one with the same bytes already; the stored one is returned. */
    Copy insert(long letterId, Copy copy, byte[] body, String by) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "INSERT INTO thread_archive (letter_id, sha256, source_url, final_url, content_type, "
                                + "size, body, retrieved_at, archived_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, copy.sha256())
                .setParameter(3, copy.sourceUrl())
                .setParameter(4, copy.finalUrl())
                .setParameter(5, copy.contentType())
                .setParameter(6, copy.size())
                .setParameter(7, body)
                .setParameter(8, copy.retrievedAt())
                .setParameter(9, by)
                .executeUpdate();
        return find(letterId, copy.sha256()).orElseThrow();
    }

    Optional<Copy> find(long letterId, String sha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT sha256, source_url, final_url, content_type, size, retrieved_at FROM "
                        + "thread_archive WHERE letter_id = ?1 AND sha256 = ?2")
                .setParameter(1, letterId)
                .setParameter(2, sha256)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Copy(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).longValue(),
                        time(r[5])));
    }

    Optional<byte[]> body(long letterId, String sha256) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT body FROM thread_archive WHERE letter_id = ?1 AND sha256 = ?2")
                .setParameter(1, letterId)
                .setParameter(2, sha256)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Which of these hashes this letter holds a copy of. */
    @SuppressWarnings("unchecked")
    Set<String> held(long letterId) {
        return Set.copyOf(Panache.getEntityManager()
                .createNativeQuery("SELECT sha256 FROM thread_archive WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .getResultList());
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }
}
