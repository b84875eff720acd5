package org.undersigned.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.StartupJob;

/**
 * Gives the demo letters their sample signatures, once per database (docs/ARCHITECTURE.md#demo-data): after start, on a
 * thread of its own, so neither the start nor any request waits; each letter is claimed first ({@code demo_letter}),
 * so a second replica, or a second run, leaves it alone. The log says when they are all written, and so does
 * readiness ({@link DemoHealth}).
 */
@ApplicationScoped
class DemoData implements StartupJob {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    enum State {
        OFF,
        WRITING,
        DONE,
        FAILED
    }

    private final DemoGuard guard;
    private final DemoConfig config;
    private final DemoLetters letters;
    private final DemoMarkRepository marks;
    private final DemoLetter letter;
    private final Clock clock;
    private volatile ExecutorService executor;
    private volatile Future<?> run;
    private volatile State state = State.OFF;

    DemoData(
            DemoGuard guard,
            DemoConfig config,
            DemoLetters letters,
            DemoMarkRepository marks,
            DemoLetter letter,
            Clock clock) {
        this.guard = guard;
        this.config = config;
        this.letters = letters;
        this.marks = marks;
        this.letter = letter;
        this.clock = clock;
    }

    /** After every other start-up step (content loaded, sequencer running), so the letters are there to sign. */
    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 1000;
    }

    @Override
    public void runAtStart() {
        if (!guard.on()) {
            return;
        }
        state = State.WRITING;
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-data");
            t.setDaemon(true);
            return t;
        });
        run = executor.submit(this::run);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    State state() {
        return state;
    }

    /** Waits for the run started at start-up (tests); at once when there is none. */
    void awaitStartRun() throws Exception {
        if (run != null) {
            run.get();
        }
    }

    /** Gives every demo letter not claimed yet its sample signatures; returns how many letters it wrote to. */
    int run() {
        try {
            int written = 0;
            for (SigningTarget target : letters.open()) {
                boolean claimed = QuarkusTransaction.requiringNew()
                        .call(() -> marks.claim(target.letterId(), OffsetDateTime.now(clock)));
                if (!claimed) {
                    LOG.debugf("Demo data: %s has its sample signatures already", target.slug());
                    continue;
                }
                int made = letter.write(target, config.signatures());
                QuarkusTransaction.requiringNew()
                        .run(() -> marks.finish(target.letterId(), OffsetDateTime.now(clock), made));
                LOG.infof("Demo data: %d sample signatures written to %s", made, target.slug());
                written++;
            }
            state = State.DONE;
            LOG.infof("Demo data ready (dev mode only): %d letters given sample signatures now", written);
            return written;
        } catch (RuntimeException e) {
            state = State.FAILED;
            LOG.errorf(e, "Demo data: stopped");
            throw e;
        }
    }
}
