package org.undersigned.web;

import java.time.Duration;

/**
 * Work a feature goes through during the self-warm-up ({@link StartupJobs}), in process, so that the JIT has compiled
 * a path the warm-up's requests cannot take without changing anything (a sign-up): it reads what it needs, stores
 * nothing, sends nothing and spends no limit (docs/ARCHITECTURE.md#start-up).
 */
public interface Rehearsal {

    /** Goes through the work {@code times} times, or until {@code within} is over; may throw, which only ends it. */
    void rehearse(int times, Duration within) throws Exception;
}
