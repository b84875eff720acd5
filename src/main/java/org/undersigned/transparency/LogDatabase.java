package org.undersigned.transparency;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * How the log's repositories reach the database. The rule: Panache by default; plain JDBC only on measured hot paths
 * (the sequencer's batches, proofs, tiles), each such place naming the bench figure that justifies it. The log's
 * tables have no entities (insert-only rows read by key), so the Panache path is its EntityManager.
 */
final class LogDatabase {

    private LogDatabase() {}

    static EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Plain JDBC on the connection of the current session, so inside the caller's transaction. */
    static <T> T jdbc(ReturningWork<T> work) {
        return em().unwrap(Session.class).doReturningWork(work);
    }
}
