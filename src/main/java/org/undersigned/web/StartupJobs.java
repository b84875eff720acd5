package org.undersigned.web;

import io.quarkus.arc.All;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Runs the {@link StartupJob}s in order (docs/ARCHITECTURE.md#start-up). In production on a thread of their own, so
 * the HTTP server opens while they run: readiness ({@link StartupHealth}) stays DOWN and the public port answers 503
 * ({@link StartingGate}) until the last has finished, so no traffic sees a half-loaded service. A job that fails
 * stops the service with exit code 1, as a failed start did. Then, if configured, the {@link WarmUp} runs, the
 * public port open and readiness still DOWN. With {@code undersigned.startup.background} off (dev mode, tests) the
 * jobs run inside the start itself, as before, and there is no warm-up (the HTTP server is not listening yet).
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

        /**
         * After the jobs, before readiness, the service asks itself for its busiest pages at most this long, so the
         * first readers find them compiled ({@link WarmUp}); 0 for none. Only with {@code background} on.
         */
        @WithName("warm-up")
        @WithDefault("0s")
        Duration warmUp();

        /** The warm-up ends after this many requests, if its time is not up before. */
        @WithName("warm-up-requests")
        @WithDefault("30000")
        long warmUpRequests();
    }

    /** Where the jobs are. */
    public enum State {
        RUNNING,
        /** The jobs are done and the public port answers; the warm-up is running, readiness still DOWN. */
        WARMING_UP,
        DONE,
        FAILED
    }

    private final List<StartupJob> jobs;
    private final List<Rehearsal> rehearsals;
    private final boolean background;
    private final Duration warmUp;
    private final long warmUpRequests;
    private final Vertx vertx;
    private static final int REHEARSALS = 20_000;
    private volatile State state = State.RUNNING;
    private volatile long millis = -1;

    StartupJobs(@All List<StartupJob> jobs, @All List<Rehearsal> rehearsals, Config config, Vertx vertx) {
        this.vertx = vertx;
        this.rehearsals = rehearsals;
        this.jobs =
                jobs.stream().sorted(Comparator.comparingInt(StartupJob::order)).toList();
        this.background = config.background();
        this.warmUp = config.warmUp();
        this.warmUpRequests = config.warmUpRequests();
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
                        warmUp();
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
        LOG.infof("Start-up jobs done in %d ms", millis);
        state = warmUp.isZero() || !background ? State.DONE : State.WARMING_UP;
    }

    private void warmUp() {
        if (state != State.WARMING_UP) {
            return;
        }
        long start = System.nanoTime();
        rehearse();
        // tests listen on their own port (never warmed up by default, but StartupJobsTest does)
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig()
                .getOptionalValue(portKey, Integer.class)
                .orElse(8080);
        // the rehearsals' time counts in the warm-up's
        Duration left = warmUp.minusNanos(System.nanoTime() - start);
        long answered = left.isNegative() ? 0 : new WarmUp(vertx, ownHost(), port, left, warmUpRequests).run();
        // the warm-up's garbage goes now, before readiness, so the heap gives its room back to an idle replica
        System.gc(); // deliberate: once, while no traffic is routed here
        LOG.infof(
                "Warm-up done: %d requests in %d ms (undersigned.startup.warm-up)",
                answered, (System.nanoTime() - start) / 1_000_000);
        state = State.DONE;
    }

    /**
     * Goes through what the warm-up's requests cannot reach ({@link Rehearsal}), {@value #REHEARSALS} times each (about
     * what the JIT needs to compile a path: C2 compiles a method after some 10,000 calls), in at most a third of the
     * warm-up's time together. A rehearsal that fails only ends itself.
     */
    private void rehearse() {
        for (Rehearsal rehearsal : rehearsals) {
            long t = System.nanoTime();
            try {
                rehearsal.rehearse(REHEARSALS, warmUp.dividedBy(3 * rehearsals.size()));
                LOG.infof(
                        "Warm-up rehearsal %s: done in %d ms (at most %d times)",
                        name(rehearsal), (System.nanoTime() - t) / 1_000_000, REHEARSALS);
            } catch (Exception e) {
                LOG.warnf(e, "Warm-up rehearsal %s ended: %s", name(rehearsal), e.toString());
            }
        }
    }

    /** This service's public port: on loopback, or on the one address it listens on. */
    private static String ownHost() {
        String host = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.host", String.class)
                .orElse("0.0.0.0");
        return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
                ? "127.0.0.1"
                : host;
    }

    private static String name(Object bean) {
        return bean.getClass().getSimpleName().replace("_ClientProxy", "");
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
