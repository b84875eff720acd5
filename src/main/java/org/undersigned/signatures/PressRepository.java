package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** press_subscriber (V39): a letter's press list, one row per mailbox, confirmed or waiting for confirmation. */
@ApplicationScoped
class PressRepository {

    /** A subscription; {@code confirmed} once its owner followed the mailed link. */
    record Subscriber(long seq, long letterId, String email, String language, boolean confirmed) {}

    private static final String COLUMNS = "seq, letter_id, email, language, confirmed_at IS NOT NULL";

    Optional<Subscriber> find(long letterId, String mailbox) {
        return select("WHERE letter_id = ?1 AND mailbox = ?2", letterId, mailbox);
    }

    Optional<Subscriber> byConfirmation(String hash, Instant notBefore) {
        return select("WHERE confirm_hash = ?1 AND created_at >= ?2", hash, notBefore.atOffset(ZoneOffset.UTC));
    }

    Optional<Subscriber> bySeq(long seq) {
        return select("WHERE seq = ?1", seq, null);
    }

    void insert(long letterId, String email, String mailbox, String language, String confirmHash, Instant now) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO press_subscriber (letter_id, email, mailbox, language, confirm_hash, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, letterId)
                .setParameter(2, email)
                .setParameter(3, mailbox)
                .setParameter(4, language)
                .setParameter(5, confirmHash)
                .setParameter(6, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** A waiting subscription gets a new link (and address as typed now): the old link stops working. */
    void renew(long seq, String email, String language, String confirmHash, Instant now) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE press_subscriber SET email = ?1, language = ?2, confirm_hash = ?3, "
                        + "created_at = ?4 WHERE seq = ?5 AND confirmed_at IS NULL")
                .setParameter(1, email)
                .setParameter(2, language)
                .setParameter(3, confirmHash)
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .setParameter(5, seq)
                .executeUpdate();
    }

    boolean confirm(long seq, Instant now) {
        return Panache.getEntityManager()
                        .createNativeQuery("UPDATE press_subscriber SET confirmed_at = ?1, confirm_hash = NULL "
                                + "WHERE seq = ?2 AND confirmed_at IS NULL")
                        .setParameter(1, now.atOffset(ZoneOffset.UTC))
                        .setParameter(2, seq)
                        .executeUpdate()
                == 1;
    }

    void delete(long seq) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM press_subscriber WHERE seq = ?1")
                .setParameter(1, seq)
                .executeUpdate();
    }

    int deleteUnconfirmed(Instant before) {
        return Panache.getEntityManager()
                .createNativeQuery("DELETE FROM press_subscriber WHERE confirmed_at IS NULL AND created_at < ?1")
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Confirmed subscribers after {@code afterSeq}, in order. */
    @SuppressWarnings("unchecked")
    List<Subscriber> confirmed(long letterId, long afterSeq, int limit) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM press_subscriber WHERE letter_id = ?1 AND seq > ?2 "
                        + "AND confirmed_at IS NOT NULL ORDER BY seq")
                .setParameter(1, letterId)
                .setParameter(2, afterSeq)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(PressRepository::subscriber).toList();
    }

    @SuppressWarnings("unchecked")
    private Optional<Subscriber> select(String where, Object first, Object second) {
        var query = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM press_subscriber " + where)
                .setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(PressRepository::subscriber);
    }

    private static Subscriber subscriber(Object[] r) {
        return new Subscriber(
                ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (Boolean) r[4]);
    }
}
