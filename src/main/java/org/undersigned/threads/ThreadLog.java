package org.undersigned.threads;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Puts thread revisions and retractions stored before they were logged into the letters' logs, once: at start-up,
 * after the threads are loaded, each letter under its log's head lock, so two replicas starting together log each
 * one once (docs/ARCHITECTURE.md#letters-and-threads).
 */
@ApplicationScoped
class ThreadLog {

    private static final Logger LOG = Logger.getLogger(ThreadLog.class);

    private final ThreadRepository repository;
    private final ThreadService threads;

    ThreadLog(ThreadRepository repository, ThreadService threads) {
        this.repository = repository;
        this.threads = threads;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 650) StartupEvent event) {
        int logged = 0;
        for (long letterId : QuarkusTransaction.requiringNew().call(repository::lettersWithUnlogged)) {
            logged += threads.logUnlogged(letterId);
        }
        if (logged > 0) {
            LOG.infof("Logged %d thread revisions or retractions stored before they were logged", logged);
        }
    }
}
