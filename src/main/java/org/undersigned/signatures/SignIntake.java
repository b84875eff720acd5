package org.undersigned.signatures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.undersigned.mail.Mail;
import org.undersigned.mail.Outbox;

/**
 * Group commit for first sign-ups: the request thread prepares the row, token hash and confirmation mail; a few
 * writer threads store whatever has queued up meanwhile in one transaction (a batch per table) and answer each
 * waiting request once it is committed. A sign-up whose address already has a live signature on the letter (or
 * appears twice in one batch, or meets any database error) is handed back, and the caller takes the general path,
 * which re-sends or answers "already signed". Nothing is acknowledged before it is durable.
 */
@ApplicationScoped
class SignIntake {

    private static final Logger LOG = Logger.getLogger(SignIntake.class);

    /** A prepared sign-up; {@code written} completes with true once committed, false to hand it back. */
    private record SignUp(
            Signature signature,
            String tokenHash,
            OffsetDateTime expiresAt,
            Mail mail,
            CompletableFuture<Boolean> written) {}

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final int writerCount;
    private final int batchSize;
    private final BlockingQueue<SignUp> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    SignIntake(AgroalDataSource dataSource, Outbox outbox, SignaturesConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.writerCount = config.intake().writers();
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
     * Stores a first sign-up ({@code s.seq} is null) with its confirmation token and mail. True once committed; false
     * when the caller must take the general path (a live signature exists, the writers are busy or stopped, an error).
     */
    boolean write(Signature s, String tokenHash, OffsetDateTime expiresAt, Mail mail) {
        try {
            return submit(s, tokenHash, expiresAt, mail).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /**
     * As {@link #write}, without waiting: completes with true once committed, false to hand the sign-up back, on a
     * writer's thread (the caller moves on to its own). After 30 s it completes with false: the general path copes
     * if it was written after all, as it finds the pending row and re-sends.
     */
    CompletableFuture<Boolean> submit(Signature s, String tokenHash, OffsetDateTime expiresAt, Mail mail) {
        if (!running) {
            return CompletableFuture.completedFuture(false);
        }
        SignUp signUp = new SignUp(s, tokenHash, expiresAt, mail, new CompletableFuture<>());
        if (!queue.offer(signUp)) {
            return CompletableFuture.completedFuture(false);
        }
        return signUp.written().completeOnTimeout(false, 30, TimeUnit.SECONDS);
    }

    /**
     * Writes prepared sign-ups as a batch would, in the caller's transaction, which the warm-up's rehearsal rolls back
     * ({@link SignUpRehearsal}).
     */
    void rehearse(List<SignUps.First> firsts) throws SQLException {
        write(firsts.stream()
                .map(f -> new SignUp(
                        f.signature(),
                        f.confirmation().tokenHash(),
                        f.confirmation().expiresAt(),
                        f.confirmation().mail(),
                        new CompletableFuture<>()))
                .toList());
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

    private void store(List<SignUp> batch) {
        try {
            QuarkusTransaction.requiringNew()
                    .call(() -> write(batch))
                    .forEach(u -> u.written().complete(true));
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            if (cause == null) {
                throw e;
            }
            // every sign-up of the batch goes the general path; the state says why without naming anyone (a race
            // with another writer over one address, 23505, is expected now and then)
            LOG.logf(
                    "23505".equals(cause.getSQLState()) ? Logger.Level.DEBUG : Logger.Level.WARN,
                    "sign-up batch of %d handed back to the general path: SQL state %s",
                    batch.size(),
                    cause.getSQLState());
        }
    }

    /**
     * Writes a batch in the caller's transaction on its connection (plain JDBC: sign intake 6,593/s, 0.52 x pgbench,
     * bench/README.md); returns the sign-ups stored, all committed or none.
     */
    private List<SignUp> write(List<SignUp> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Long> seqs = insertSignatures(c, batch);
            List<SignUp> fresh = batch.stream()
                    .filter(u -> seqs.containsKey(u.signature().id))
                    .toList();
            if (!fresh.isEmpty()) {
                insertTokens(c, fresh, seqs);
                outbox.enqueueAll(fresh.stream().map(SignUp::mail).toList());
            }
            return fresh;
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Inserts the signatures and returns the row numbers the database gave them, by public id, from the insert itself
     * (a look-up afterwards cost a query per batch, and a plan chosen while the table was small scanned all of it
     * once it was not: bench/README.md, "Mail"). One whose address already has a live signature on the letter (or
     * that is twice in the batch) is skipped by the unique key and has no row number.
     */
    private static Map<UUID, Long> insertSignatures(Connection c, List<SignUp> signUps) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO signature (id, letter_id, status, live_key, "
                        + "email, name, name_folded, organisation, role, comment, listing, notify, identity_method, "
                        + "affiliation_level, version_number, text_sha256, created_at, network_tag, language) "
                        + "VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                new String[] {"id", "seq"})) {
            for (SignUp u : signUps) {
                Signature s = u.signature();
                insert.setObject(1, s.id);
                insert.setLong(2, s.letterId);
                insert.setString(3, s.liveKey);
                insert.setString(4, s.email);
                insert.setString(5, s.name);
                insert.setString(6, s.nameFolded);
                insert.setString(7, s.organisation);
                insert.setString(8, s.role);
                insert.setString(9, s.comment);
                insert.setString(10, s.listing.wire());
                insert.setBoolean(11, s.notify);
                insert.setString(12, s.identityMethod.wire());
                insert.setString(13, s.affiliationLevel.wire());
                insert.setInt(14, s.versionNumber);
                insert.setString(15, s.textSha256);
                insert.setObject(16, s.createdAt);
                insert.setString(17, s.networkTag);
                insert.setString(18, s.language);
                insert.addBatch();
            }
            insert.executeBatch();
            Map<UUID, Long> seqs = new HashMap<>();
            try (ResultSet rows = insert.getGeneratedKeys()) {
                while (rows.next()) {
                    seqs.put(rows.getObject("id", UUID.class), rows.getLong("seq"));
                }
            }
            return seqs;
        }
    }

    private static void insertTokens(Connection c, List<SignUp> signUps, Map<UUID, Long> seqs) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO signature_token (hash, signature_seq, purpose, "
                + "created_at, expires_at) VALUES (?, ?, 'CONFIRM', ?, ?)")) {
            for (SignUp u : signUps) {
                insert.setString(1, u.tokenHash());
                insert.setLong(2, seqs.get(u.signature().id));
                insert.setObject(3, u.signature().createdAt);
                insert.setObject(4, u.expiresAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
