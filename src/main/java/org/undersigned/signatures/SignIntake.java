package org.undersigned.signatures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.undersigned.mail.ShapedMail;

/**
 * Group commit for first sign-ups: the request thread prepares the row, token hash and confirmation mail; a few
 * writer threads store whatever has queued up meanwhile in one statement ({@link SignUpBatch}) and answer each
 * waiting request once it is committed. A sign-up whose address already has a live signature on the letter (or
 * appears twice in one batch, or meets any database error) is handed back, and the caller takes the general path,
 * which re-sends or answers "already signed". Nothing is acknowledged before it is durable.
 */
@ApplicationScoped
class SignIntake {

    private static final Logger LOG = Logger.getLogger(SignIntake.class);

    /** A prepared sign-up; {@code written} completes with true once committed, false to hand it back. */
    private record SignUp(SignUpBatch.Item item, CompletableFuture<Boolean> written) {}

    private final AgroalDataSource dataSource;
    private final int writerCount;
    private final int batchSize;
    private final BlockingQueue<SignUp> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    SignIntake(
            AgroalDataSource dataSource,
            SignaturesConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.dataSource = dataSource;
        // the batch is one PostgreSQL statement; on the development database (H2) every sign-up takes the general path
        this.writerCount = "postgresql".equals(databaseKind) ? config.intake().writers() : 0;
        this.batchSize = config.intake().batch();
        this.queue = new ArrayBlockingQueue<>(this.batchSize * Math.max(1, this.writerCount) * 8);
    }

    void start(@Observes StartupEvent event) {
        running = writerCount > 0; // 0 writers: every sign-up takes the general path
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::run, "sign-intake-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        writers.forEach(Thread::interrupt);
        List<SignUp> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(u -> u.written().complete(false));
    }

    /**
     * Queues a first sign-up ({@code s.seq} is null) with its confirmation token and mail, without waiting: completes
     * with true once committed, false when the caller must take the general path (a live signature exists, the
     * writers are busy or stopped, an error), on a writer's thread (the caller moves on to its own). After 30 s it
     * completes with false: the general path copes if it was written after all, as it finds the pending row and
     * re-sends.
     */
    CompletableFuture<Boolean> submit(Signature s, String tokenHash, OffsetDateTime expiresAt, ShapedMail mail) {
        if (!running) {
            return CompletableFuture.completedFuture(false);
        }
        SignUp signUp = new SignUp(new SignUpBatch.Item(s, tokenHash, expiresAt, mail), new CompletableFuture<>());
        if (!queue.offer(signUp)) {
            return CompletableFuture.completedFuture(false);
        }
        return signUp.written().completeOnTimeout(false, 30, TimeUnit.SECONDS);
    }

    /**
     * Writes prepared sign-ups as a batch would, in the caller's transaction, which the warm-up's rehearsal rolls back
     * ({@link SignUpRehearsal}); nothing on the development database, where no batch is written.
     */
    void rehearse(List<SignUps.First> firsts) throws SQLException {
        if (writerCount == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            SignUpBatch.store(
                    c,
                    firsts.stream()
                            .map(f -> new SignUpBatch.Item(
                                    f.signature(),
                                    f.confirmation().tokenHash(),
                                    f.confirmation().expiresAt(),
                                    f.confirmation().mail()))
                            .toList(),
                    OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    private void run() {
        List<SignUp> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                SignUp first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf("sign-up writer: %s", e.getClass().getName());
            } finally {
                batch.forEach(u -> u.written().complete(false));
                batch.clear();
            }
        }
    }

    /**
     * Stores a batch in one statement on a connection in auto-commit: committed, durably, when it returns (one round
     * trip; docs/ARCHITECTURE.md, "Sign-ups"). A sign-up the unique key let in is answered; the rest are handed back.
     */
    private void store(List<SignUp> batch) {
        Map<UUID, Long> stored;
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            stored =
                    SignUpBatch.store(c, batch.stream().map(SignUp::item).toList(), OffsetDateTime.now(ZoneOffset.UTC));
        } catch (SQLException e) {
            // every sign-up of the batch goes the general path; the state says why without naming anyone (a race
            // with another writer over one address, 23505, is expected now and then)
            LOG.logf(
                    "23505".equals(e.getSQLState()) ? Logger.Level.DEBUG : Logger.Level.WARN,
                    "sign-up batch of %d handed back to the general path: SQL state %s",
                    batch.size(),
                    e.getSQLState());
            return;
        }
        batch.stream()
                .filter(u -> stored.containsKey(u.item().signature().id))
                .forEach(u -> u.written().complete(true));
    }
}
