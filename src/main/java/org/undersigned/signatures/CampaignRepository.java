package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Re-affirmation campaigns; a campaign row is locked while a batch of its mails is queued. */
@ApplicationScoped
class CampaignRepository {

    record Campaign(long letterId, int version, long nextSeq) {}

    void start(long letterId, int version) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO reaffirm_campaign (letter_id, version_number, "
                        + "next_seq, done) VALUES (?1, ?2, 0, FALSE) ON CONFLICT DO NOTHING")
                .setParameter(1, letterId)
                .setParameter(2, version)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    Optional<Campaign> lockNextOpen() {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT letter_id, version_number, next_seq "
                                + "FROM reaffirm_campaign WHERE done = FALSE ORDER BY letter_id, version_number LIMIT 1 FOR UPDATE")
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Campaign(
                        ((Number) r[0]).longValue(), ((Number) r[1]).intValue(), ((Number) r[2]).longValue()));
    }

    void advance(Campaign c, long nextSeq, boolean done) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE reaffirm_campaign SET next_seq = ?3, done = ?4 "
                        + "WHERE letter_id = ?1 AND version_number = ?2")
                .setParameter(1, c.letterId())
                .setParameter(2, c.version())
                .setParameter(3, nextSeq)
                .setParameter(4, done)
                .executeUpdate();
    }
}
