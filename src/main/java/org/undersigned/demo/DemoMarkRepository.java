package org.undersigned.demo;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** The {@code demo_letter} marks: native SQL in the caller's transaction (no entity: a claim is one insert). */
@ApplicationScoped
class DemoMarkRepository {

    /** Claims a letter; false when it was claimed before, by this replica or another, even one still writing. */
    boolean claim(long letterId, OffsetDateTime now) {
        return Panache.getEntityManager()
                        .createNativeQuery("INSERT INTO demo_letter (letter_id, started_at) VALUES (?1, ?2) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter(1, letterId)
                        .setParameter(2, now)
                        .executeUpdate()
                == 1;
    }

    void finish(long letterId, OffsetDateTime now, int signatures) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE demo_letter SET finished_at = ?2, signatures = ?3 WHERE letter_id = ?1")
                .setParameter(1, letterId)
                .setParameter(2, now)
                .setParameter(3, signatures)
                .executeUpdate();
    }
}
