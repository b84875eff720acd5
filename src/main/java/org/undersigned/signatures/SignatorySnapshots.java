package org.undersigned.signatures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.undersigned.transparency.TransparencyLog;

/**
 * Signed snapshots of a letter's public signatories (docs/ARCHITECTURE.md#snapshots): exactly the public signers live
 * in the log at one checkpoint, as JSON Lines (each line the signatory list's item, whose salt and listing the
 * verifier checks against the log) and CSV (the signatory list's columns), with that checkpoint's signed note. Built
 * by one replica at a time, at most every {@code undersigned.signatures.snapshots.every} for a changing letter, from
 * the count audit's replay at the counted checkpoint read in one database snapshot; stored in the database in
 * gzip-compressed parts so every replica serves the same one. An erasure or a disowning purges it in its own
 * transaction; the next build leaves the name out.
 */
@ApplicationScoped
public class SignatorySnapshots {

    private static final Logger LOG = Logger.getLogger(SignatorySnapshots.class);

    /** How long a replica's claim on a build lasts: a replica that died while building is replaced after it. */
    static final Duration CLAIM = Duration.ofMinutes(15);

    static final String JSONL = "jsonl";
    static final String CSV = "csv";

    private static final int PAGE = 1000;

    /** What a build wrote, before it is stored. */
    private record Built(
            long letterId,
            TransparencyLog.SignedNote checkpoint,
            long names,
            long erasures,
            Path jsonl,
            Path csv,
            Instant at) {}

    private final SnapshotRepository repository;
    private final SignatureRepository signatures;
    private final CountRepository counts;
    private final CountAudit audit;
    private final TransparencyLog log;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration every;
    private final int partBytes;
    private final boolean postgres;
    private final Counter builds;

    SignatorySnapshots(
            SnapshotRepository repository,
            SignatureRepository signatures,
            CountRepository counts,
            CountAudit audit,
            TransparencyLog log,
            ObjectMapper json,
            Clock clock,
            SignaturesConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            MeterRegistry registry) {
        this.repository = repository;
        this.signatures = signatures;
        this.counts = counts;
        this.audit = audit;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.every = config.snapshots().every();
        this.partBytes = config.snapshots().partBytes();
        this.postgres = "postgresql".equals(dbKind);
        this.builds = registry.counter("undersigned.signatories.snapshot.builds");
    }

    /** The letter's current snapshot, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<SnapshotRepository.Current> current(long letterId) {
        return repository.current(letterId);
    }

    /** Deletes the letter's snapshot in the caller's transaction (an erasure, a disowning): never served again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void purge(long letterId) {
        repository.purge(letterId);
    }

    @Scheduled(
            every = "${undersigned.signatures.snapshots.check-every:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "signatory-snapshots")
    void buildDue() {
        Instant now = clock.instant();
        for (long letterId : QuarkusTransaction.requiringNew().call(() -> repository.due(now.minus(every), now))) {
            try {
                build(letterId);
            } catch (RuntimeException e) { // one letter's trouble must not stop the others' snapshots
                LOG.warnf(
                        "signatory snapshot of letter %d: %s",
                        letterId, e.getClass().getName());
            }
        }
    }

    /**
     * Builds the letter's snapshot at its counted checkpoint, unless another replica is building one; the snapshot
     * then current, if any.
     */
    Optional<SnapshotRepository.Current> build(long letterId) {
        Instant now = clock.instant();
        if (!QuarkusTransaction.requiringNew().call(() -> repository.claim(letterId, now, now.plus(CLAIM)))) {
            return QuarkusTransaction.requiringNew().call(() -> repository.current(letterId));
        }
        Built built = null;
        try {
            audit.audit(letterId); // its per-signer states are then the log's at the counted checkpoint
            built = QuarkusTransaction.requiringNew().call(() -> write(letterId));
            Built written = built;
            if (written != null) {
                QuarkusTransaction.requiringNew().run(() -> store(written));
            }
            return QuarkusTransaction.requiringNew().call(() -> repository.current(letterId));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                repository.release(letterId);
                repository.deleteParts(letterId);
            });
            if (built != null) {
                delete(built.jsonl());
                delete(built.csv());
            }
        }
    }

    /**
     * Writes both files from one database snapshot (REPEATABLE READ on PostgreSQL): the audit's position, its
     * per-signer states and the rows all as of the same moment, so the names are the log's live ones at that size.
     */
    private Built write(long letterId) {
        if (postgres) {
            signatures
                    .getEntityManager()
                    .createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .executeUpdate();
        }
        long erasures = counts.value(letterId, SignatoryCsv.ERASURES, "");
        Optional<TransparencyLog.SignedNote> checkpoint = repository
                .auditedSize(letterId)
                .filter(size -> size > 0)
                .flatMap(size -> log.checkpoint(letterId, size));
        if (checkpoint.isEmpty()) {
            return null; // the audit has not compared at a checkpoint yet (or was reset): the next round builds
        }
        long size = checkpoint.get().size();
        Instant at = clock.instant();
        Path jsonl = temp(), csv = temp();
        long names = 0;
        try (Writer lines = gzip(jsonl);
                Writer rows = gzip(csv)) {
            rows.write(SignatoryCsv.HEADER);
            long after = 0;
            while (true) {
                List<SnapshotRepository.Live> page = repository.live(letterId, size, after, PAGE);
                Map<Long, Signature> loaded =
                        signatures
                                .list(
                                        "seq in ?1",
                                        page.stream()
                                                .map(SnapshotRepository.Live::seq)
                                                .toList())
                                .stream()
                                .collect(Collectors.toMap(s -> s.seq, Function.identity()));
                for (SnapshotRepository.Live live : page) {
                    Signatories.Signatory s = Signatories.view(loaded.get(live.seq()), live.version());
                    lines.write(json.writeValueAsString(s));
                    lines.write('\n');
                    rows.write(SignatoryCsv.row(s));
                    names++;
                }
                signatures.getEntityManager().clear();
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
        } catch (IOException | RuntimeException e) {
            delete(jsonl);
            delete(csv);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new Built(letterId, checkpoint.get(), names, erasures, jsonl, csv, at);
    }

    /** Stores the files and makes them current, unless a name was erased since they were read. */
    private void store(Built b) {
        repository.lock(b.letterId());
        if (counts.value(b.letterId(), SignatoryCsv.ERASURES, "") != b.erasures()) {
            return; // an erasure came after the rows were read: the next round builds without the name
        }
        long generation = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        savePart(b.letterId(), generation, JSONL, b.jsonl());
        savePart(b.letterId(), generation, CSV, b.csv());
        repository.publish(new SnapshotRepository.Current(
                b.letterId(),
                generation,
                b.checkpoint().size(),
                b.checkpoint().rootHash(),
                b.checkpoint().text(),
                b.names(),
                b.at()));
        builds.increment();
    }

    private void savePart(long letterId, long generation, String format, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int n = 0;
            for (byte[] part = in.readNBytes(partBytes); part.length > 0; part = in.readNBytes(partBytes)) {
                repository.savePart(letterId, generation, format, n++, part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Writer gzip(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8));
    }

    private static Path temp() {
        try {
            return Files.createTempFile("undersigned-snapshot-", ".gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }
}
