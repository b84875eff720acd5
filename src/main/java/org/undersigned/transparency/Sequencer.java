package org.undersigned.transparency;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.StoredTree;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;
import org.undersigned.transparency.note.Checkpoint;
import org.undersigned.transparency.note.Note;
import org.undersigned.web.StartupJob;

/**
 * Integrates written events into each letter's Merkle tree in batches and publishes a signed checkpoint.
 * Exactly one writer per letter, whatever the number of replicas: a PostgreSQL advisory lock picks the writer, the
 * head row is locked, and the size only advances by compare-and-swap, while the log_entry primary key refuses a
 * second entry at any index. Two writers can therefore never fork a log.
 */
@ApplicationScoped
public class Sequencer implements StartupJob {

    private static final Logger LOG = Logger.getLogger(Sequencer.class);
    static final int BATCH = 2000;

    private final PendingRepository pendingRepository;
    private final HeadRepository headRepository;
    private final HashRepository hashRepository;
    private final EntryRepository entryRepository;
    private final TileRepository tileRepository;
    private final LogKeys keys;
    private final KeyRotations rotations;
    private final LetterService letters;
    private final Event<TransparencyLog.EntriesSequenced> sequenced;
    private final boolean postgres;
    private final long periodMillis;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    Sequencer(
            PendingRepository pendingRepository,
            HeadRepository headRepository,
            HashRepository hashRepository,
            EntryRepository entryRepository,
            TileRepository tileRepository,
            LogKeys keys,
            KeyRotations rotations,
            LetterService letters,
            Event<TransparencyLog.EntriesSequenced> sequenced,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            LogConfig config,
            MeterRegistry registry) {
        this.pendingRepository = pendingRepository;
        this.headRepository = headRepository;
        this.hashRepository = hashRepository;
        this.entryRepository = entryRepository;
        this.tileRepository = tileRepository;
        this.keys = keys;
        this.rotations = rotations;
        this.letters = letters;
        this.sequenced = sequenced;
        this.postgres = "postgresql".equals(dbKind);
        this.periodMillis = config.sequencerPeriod().toMillis();
        registry.gauge("undersigned.log.sequencer.lag.seconds", this, Sequencer::lagSeconds);
    }

    // after KeyRotations (APPLICATION + 700): a start that must fail for a missing key fails before any signing runs
    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 800;
    }

    @Override
    public void runAtStart() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-sequencer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After a commit that appended: run soon instead of waiting for the next period. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransparencyLog.Appended appended) {
        if (executor != null && !executor.isShutdown() && queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                runSafely();
            });
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("Sequencer run failed, will retry: %s", e.toString());
        }
    }

    /** Integrates everything pending, letter by letter. */
    public void runOnce() {
        List<Long> letterIds = QuarkusTransaction.requiringNew().call(pendingRepository::lettersWithPending);
        for (long letterId : letterIds) {
            while (QuarkusTransaction.requiringNew().call(() -> integrate(letterId))) {
                // another batch
            }
        }
    }

    /** One batch for one letter, in one transaction; false when there was nothing to do or another writer has it. */
    boolean integrate(long letterId) {
        if (postgres && !headRepository.tryAdvisoryLock(letterId)) {
            return false;
        }
        long size = headRepository.lockHead(letterId);
        List<PendingEvent> batch = pendingRepository.oldest(letterId, BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        SigningTarget letter = letters.signingTarget(letterId)
                .orElseThrow(() -> new IllegalStateException("log entries for an unknown letter " + letterId));
        var reader = hashRepository.reader(letterId);
        List<byte[]> leaves = batch.stream()
                .map(p -> Hashes.leafHash(LogEntries.utf8(p.entry())))
                .toList();
        entryRepository.insert(letterId, size, batch);
        // RFC 9162 §2.1.1: every complete subtree's hash is stored, so any proof costs O(log n) reads
        hashRepository.insert(letterId, StoredTree.hashesToStore(size, leaves, reader));
        long newSize = size + batch.size();
        // tiles that became full never change again: stored once, each is served with one read
        Map<String, byte[]> full = new LinkedHashMap<>();
        for (TilePath tile : Tile.completedBy(size, newSize)) {
            full.put(tile.path(), tileRepository.assemble(letterId, tile));
        }
        if (!full.isEmpty()) {
            tileRepository.insert(letterId, full);
        }
        if (!headRepository.advanceHead(letterId, size, newSize)) {
            throw new IllegalStateException("log head moved under the sequencer: refusing to fork");
        }
        byte[] root = StoredTree.treeHash(newSize, reader);
        String rootBase64 = Base64.getEncoder().encodeToString(root);
        String body = new Checkpoint(keys.origin(letter.slug()), newSize, root).format();
        // a rotation in this batch hands the signing to the new key from this checkpoint on
        String note = Note.sign(body, rotations.signerAfter(letterId, letter.slug(), size, batch))
                .format();
        headRepository.insertCheckpoint(letterId, newSize, rootBase64, note);
        pendingRepository.delete(batch);
        List<TransparencyLog.Sequenced> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(new TransparencyLog.Sequenced(
                    size + i, batch.get(i).signatureSeq(), batch.get(i).effect()));
        }
        sequenced.fire(new TransparencyLog.EntriesSequenced(letterId, newSize, rootBase64, entries));
        return batch.size() == BATCH;
    }

    /** Seconds the oldest unsequenced event has waited (0 when none): the sequencer's lag. */
    public double lagSeconds() {
        try {
            return QuarkusTransaction.requiringNew().call(pendingRepository::oldestPendingAge);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
