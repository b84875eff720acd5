package org.undersigned.threads;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** thread_entry: every revision of every entry; rows are only added, except for marking a retraction. */
@ApplicationScoped
class ThreadRepository {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A stored revision. */
    record Row(
            ThreadEntry entry,
            int revision,
            String sha256,
            String source,
            OffsetDateTime publishedAt,
            String publishedBy,
            OffsetDateTime retractedAt,
            String retractionReason,
            String revisionSha256,
            boolean logged,
            boolean retractionLogged) {}

    private static final String COLUMNS = "entry_id, revision, kind, title, organisation, author, entry_date, url, "
            + "archived_sha256, archived_retrieved, responds_to, claims_json, points_json, body_markdown, "
            + "content_sha256, source, published_at, published_by, retracted_at, retraction_reason, revision_sha256, "
            + "logged, retraction_logged";

    /**
     * Inserts unless that revision exists already (another replica loaded it first); true when inserted. The caller
     * logs it in the same transaction.
     */
    boolean insert(long letterId, ThreadEntry e, int revision, String sha256, String source, String by) {
        return em().createNativeQuery("INSERT INTO thread_entry (letter_id, entry_id, revision, kind, title, "
                                + "organisation, author, entry_date, url, archived_sha256, archived_retrieved, responds_to, claims_json, "
                                + "points_json, body_markdown, content_sha256, source, published_at, published_by, revision_sha256, "
                                + "logged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                + "?17, ?18, ?19, ?20, TRUE) ON CONFLICT DO NOTHING")
                        .setParameter(1, letterId)
                        .setParameter(2, e.id())
                        .setParameter(3, revision)
                        .setParameter(4, e.kind())
                        .setParameter(5, e.title())
                        .setParameter(6, e.organisation())
                        .setParameter(7, e.author())
                        .setParameter(8, e.date())
                        .setParameter(9, e.url())
                        .setParameter(
                                10, e.archived() == null ? null : e.archived().sha256())
                        .setParameter(
                                11, e.archived() == null ? null : e.archived().retrieved())
                        .setParameter(12, e.respondsTo())
                        .setParameter(13, write(e.claims()))
                        .setParameter(14, write(e.points()))
                        .setParameter(15, e.body())
                        .setParameter(16, sha256)
                        .setParameter(17, source)
                        .setParameter(18, OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter(19, by)
                        .setParameter(20, ThreadRevisions.sha256(e))
                        .executeUpdate()
                == 1;
    }

    /** The current (highest) revision of every entry of a letter, in thread order: date, then publication. */
    List<Row> current(long letterId) {
        return rows(
                "SELECT " + COLUMNS + " FROM thread_entry t WHERE letter_id = ?1 AND revision = (SELECT MAX(revision) "
                        + "FROM thread_entry u WHERE u.letter_id = t.letter_id AND u.entry_id = t.entry_id) "
                        + "ORDER BY entry_date, published_at, entry_id",
                letterId,
                null);
    }

    /** Every revision of one entry, oldest first. */
    List<Row> revisions(long letterId, String entryId) {
        return rows(
                "SELECT " + COLUMNS + " FROM thread_entry WHERE letter_id = ?1 AND entry_id = ?2 ORDER BY revision",
                letterId,
                entryId);
    }

    Optional<Row> latestFromFile(long letterId, String entryId) {
        List<Row> all = revisions(letterId, entryId);
        return all.stream().filter(r -> "file".equals(r.source())).reduce((a, b) -> b);
    }

    boolean retract(long letterId, String entryId, int revision, String by, String reason) {
        return em().createNativeQuery(
                                "UPDATE thread_entry SET retracted_at = ?4, retracted_by = ?5, "
                                        + "retraction_reason = ?6, retraction_logged = TRUE WHERE letter_id = ?1 AND entry_id = ?2 AND revision = ?3 AND retracted_at IS NULL")
                        .setParameter(1, letterId)
                        .setParameter(2, entryId)
                        .setParameter(3, revision)
                        .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter(5, by)
                        .setParameter(6, reason)
                        .executeUpdate()
                == 1;
    }

    /** Letters with a revision or a retraction not yet in the log (stored before they were logged). */
    @SuppressWarnings("unchecked")
    List<Long> lettersWithUnlogged() {
        return ((List<Number>) em().createNativeQuery("SELECT DISTINCT letter_id FROM thread_entry WHERE NOT logged "
                                + "OR (retracted_at IS NOT NULL AND NOT retraction_logged)")
                        .getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** A letter's revisions or retractions not yet in the log, in the order they were published. */
    List<Row> unlogged(long letterId) {
        return rows(
                "SELECT " + COLUMNS + " FROM thread_entry WHERE letter_id = ?1 AND (NOT logged OR (retracted_at IS "
                        + "NOT NULL AND NOT retraction_logged)) ORDER BY published_at, entry_id, revision",
                letterId,
                null);
    }

    void markLogged(long letterId, Row row, String revisionSha256) {
        em().createNativeQuery("UPDATE thread_entry SET logged = TRUE, revision_sha256 = ?4, retraction_logged = "
                        + "(retracted_at IS NOT NULL) WHERE letter_id = ?1 AND entry_id = ?2 AND revision = ?3")
                .setParameter(1, letterId)
                .setParameter(2, row.entry().id())
                .setParameter(3, row.revision())
                .setParameter(4, revisionSha256)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String sql, long letterId, String entryId) {
        var query = em().createNativeQuery(sql).setParameter(1, letterId);
        if (entryId != null) {
            query.setParameter(2, entryId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(ThreadRepository::row).toList();
    }

    private static Row row(Object[] r) {
        ThreadEntry e = new ThreadEntry(
                (String) r[0],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                date(r[6]),
                (String) r[7],
                r[8] == null ? null : new ThreadEntry.Archived((String) r[8], date(r[9])),
                (String) r[10],
                read((String) r[11], new TypeReference<List<ThreadEntry.Claim>>() {}),
                read((String) r[12], new TypeReference<List<ThreadEntry.Point>>() {}),
                (String) r[13]);
        return new Row(
                e,
                ((Number) r[1]).intValue(),
                (String) r[14],
                (String) r[15],
                time(r[16]),
                (String) r[17],
                time(r[18]),
                (String) r[19],
                (String) r[20],
                Boolean.TRUE.equals(r[21]),
                Boolean.TRUE.equals(r[22]));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null || o instanceof OffsetDateTime) {
            return (OffsetDateTime) o;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
