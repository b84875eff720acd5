package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Notification campaigns; a campaign row is locked while a batch of its mails is queued. */
@ApplicationScoped
class NotificationRepository {

    record Campaign(long id, long letterId, String kind, String title, String url, long nextSeq) {}

    void start(long letterId, String kind, String title, String url) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO notification_campaign (letter_id, kind, title, url, "
                        + "next_seq, done, created_at) VALUES (?1, ?2, ?3, ?4, 0, FALSE, ?5)")
                .setParameter(1, letterId)
                .setParameter(2, kind)
                .setParameter(3, title)
                .setParameter(4, url)
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Optional<Campaign> lockNextOpen() {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT id, letter_id, kind, title, url, "
                        + "next_seq FROM notification_campaign WHERE done = FALSE ORDER BY id LIMIT 1 FOR UPDATE")
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Campaign(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).longValue()));
    }

    void advance(Campaign c, long nextSeq, boolean done) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE notification_campaign SET next_seq = ?2, done = ?3 " + "WHERE id = ?1")
                .setParameter(1, c.id())
                .setParameter(2, nextSeq)
                .setParameter(3, done)
                .executeUpdate();
    }
}
