package org.undersigned.web;

import io.quarkus.arc.All;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the {@link StartupJob}s in order (docs/ARCHITECTURE.md#start-up). In production on a thread of their own, so
 * the HTTP server opens while they run: readiness ({@link StartupHealth}) stays DOWN and the public port answers 503
 * ({@link StartingGate}) until the last has finished, so no traffic sees a half-loaded service. A job that fails
 * stops the service with exit code 1, as a failed start did. With {@code undersigned.startup.background} off (dev
 * mode, tests) they run inside the start itself, as before.
 */
@ApplicationScoped
public class StartupJobs {

    private static final Logger LOG = Logger.getLogger(StartupJobs.class);

    /** The keys under {@code undersigned.startup}. */
    @ConfigMapping(prefix = "undersigned.startup")
    public interface Config {
        /** Run the start-up jobs after the start, readiness DOWN meanwhile (off in dev mode and tests). */
        @WithDefault("true")
        boolean background();
    }

    /** Where the jobs are. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    private final List<StartupJob> jobs;
    private final boolean background;
    private volatile State state = State.RUNNING;
    private volatile long millis = -1;

    StartupJobs(@All List<StartupJob> jobs, Config config) {
        this.jobs =
                jobs.stream().sorted(Comparator.comparingInt(StartupJob::order)).toList();
        this.background = config.background();
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!background) {
            runAll();
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        runAll();
                    } catch (Exception e) {
                        LOG.errorf(e, "Start-up failed: %s", e.getMessage());
                        Quarkus.asyncExit(1);
                    }
                },
                "startup-jobs");
        thread.setDaemon(true);
        thread.start();
    }

    private void runAll() throws Exception {
        long start = System.nanoTime();
        try {
            for (StartupJob job : jobs) {
                long t = System.nanoTime();
                job.runAtStart();
                LOG.debugf("Start-up job %s took %d ms", name(job), (System.nanoTime() - t) / 1_000_000);
            }
        } catch (Exception | Error e) {
            state = State.FAILED;
            throw e;
        }
        millis = (System.nanoTime() - start) / 1_000_000;
        state = State.DONE;
        LOG.infof("Start-up jobs done in %d ms", millis);
    }

    private static String name(StartupJob job) {
        return job.getClass().getSimpleName().replace("_ClientProxy", "");
    }

    /** Where the jobs are. */
    public State state() {
        return state;
    }

    /** How long they took, once done; -1 before. */
    long millis() {
        return millis;
    }
}
