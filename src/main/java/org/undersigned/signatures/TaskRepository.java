package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One-off tasks over existing data, done once per database whatever the number of replicas: each is marked done by a
 * row of {@code app_lock} named {@code task:<name>}, and replicas take turns on the row that serialises content
 * loading, so a second replica finds the mark and does nothing.
 */
@ApplicationScoped
class TaskRepository {

    boolean done(String task) {
        return ((Number) Panache.getEntityManager()
                                .createNativeQuery("SELECT COUNT(*) FROM app_lock WHERE name = ?1")
                                .setParameter(1, "task:" + task)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** Held until the transaction ends. */
    void lock() {
        Panache.getEntityManager()
                .createNativeQuery("SELECT name FROM app_lock WHERE name = 'content' FOR UPDATE")
                .getResultList();
    }

    void markDone(String task) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO app_lock (name) VALUES (?1)")
                .setParameter(1, "task:" + task)
                .executeUpdate();
    }
}
