package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /**
     * Claims due messages for this sender until {@code until}. A replica's UPDATE re-checks the condition on rows
     * another replica has just claimed, so two senders never claim the same message.
     */
    List<Long> claimDue(OffsetDateTime now, OffsetDateTime until, int limit) {
        List<Long> due = getEntityManager()
                .createQuery(
                        "select m.id from OutboxMessage m where m.status = :pending "
                                + "and m.nextAttemptAt <= :now and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id",
                        Long.class)
                .setParameter("pending", OutboxMessage.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        return due.stream()
                .filter(id -> update(
                                "claimedUntil = ?1 where id = ?2 and status = ?3 "
                                        + "and (claimedUntil is null or claimedUntil < ?4)",
                                until,
                                id,
                                OutboxMessage.Status.PENDING,
                                now)
                        == 1)
                .toList();
    }

    long countPending() {
        return count("status", OutboxMessage.Status.PENDING);
    }
}
