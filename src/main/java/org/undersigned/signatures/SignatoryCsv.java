package org.undersigned.signatures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;
import org.undersigned.letters.SigningTarget;

/**
 * The signatory list as CSV, served from a gzip-compressed copy on this replica's disk (a fraction of the size: the
 * pods' /tmp is small) instead of a read of every listed signature per request. A copy is rebuilt when it is older than {@code undersigned.signatures.csv.refresh} (a minute) and the
 * letter's counts moved since. An erasure must never be served again, on any replica: it bumps the letter's
 * {@code erasures} counter in letter_count in its own transaction, every request reads that counter (one row), and a
 * copy built before it is never served and is deleted.
 */
@ApplicationScoped
class SignatoryCsv {

    private static final Logger LOG = Logger.getLogger(SignatoryCsv.class);
    static final String ERASURES = "erasures";
    static final String HEADER = "name,organisation,role,identity,affiliation,version,signed_at\r\n";

    /** An open copy, gzip-compressed, and its length. */
    record Opened(InputStream gzipped, long length) {}

    private record Copy(Path file, long erasures, long revision, Instant builtAt) {}

    private final Signatories signatories;
    private final Counts counts;
    private final CountRepository repository;
    private final Clock clock;
    private final Duration refresh;
    private final Path dir;
    private final Counter builds;
    private final Map<Long, Copy> copies = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> building = new ConcurrentHashMap<>();

    SignatoryCsv(
            Signatories signatories,
            Counts counts,
            CountRepository repository,
            Clock clock,
            SignaturesConfig config,
            MeterRegistry registry) {
        this.signatories = signatories;
        this.counts = counts;
        this.repository = repository;
        this.clock = clock;
        this.refresh = config.csv().refresh();
        Path parent = config.csv().dir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(parent);
            // a folder of this start's own, so replicas or restarts sharing the parent never touch each other's copies
            this.dir = Files.createTempDirectory(parent, "undersigned-signatories-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signatory copies under " + parent, e);
        }
        this.builds = registry.counter("undersigned.signatories.csv.builds");
    }

    /** Counts an erasure on the letter, in the erasure's transaction: copies built before it are never served. */
    @Transactional(Transactional.TxType.MANDATORY)
    void purge(long letterId) {
        repository.add(letterId, ERASURES, "", 1);
    }

    /** The letter's current copy, opened; built first when there is none that may be served. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Opened open(SigningTarget letter) {
        long id = letter.letterId();
        long erasures = repository.value(id, ERASURES, "");
        for (int attempt = 0; ; attempt++) {
            Path file = current(letter, erasures);
            try {
                FileChannel channel = FileChannel.open(file);
                return new Opened(Channels.newInputStream(channel), channel.size());
            } catch (NoSuchFileException replaced) {
                // a newer copy replaced this one between choosing and opening it: take that one
                if (attempt == 3) {
                    throw new UncheckedIOException(replaced);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path current(SigningTarget letter, long erasures) {
        long id = letter.letterId();
        Copy copy = copies.get(id);
        if (servable(copy, erasures) && fresh(copy, id)) {
            return copy.file();
        }
        ReentrantLock lock = building.computeIfAbsent(id, k -> new ReentrantLock());
        if (servable(copy, erasures)) {
            // one request rebuilds a stale copy while the others are served the one before it
            if (!lock.tryLock()) {
                return copy.file();
            }
        } else {
            lock.lock();
        }
        try {
            copy = copies.get(id);
            if (servable(copy, erasures) && fresh(copy, id)) {
                return copy.file();
            }
            return build(letter).file();
        } finally {
            lock.unlock();
        }
    }

    private static boolean servable(Copy copy, long erasures) {
        return copy != null && copy.erasures() >= erasures;
    }

    /** Built less than {@code refresh} ago (by this clock: a clock set back makes it stale), or nothing changed since. */
    private boolean fresh(Copy copy, long letterId) {
        Duration age = Duration.between(copy.builtAt(), clock.instant());
        return (!age.isNegative() && age.compareTo(refresh) < 0)
                || counts.of(letterId).revision() == copy.revision();
    }

    private Copy build(SigningTarget letter) {
        long id = letter.letterId();
        // read before the rows: anything that changes after this is caught by the next request
        long erasures = repository.value(id, ERASURES, "");
        long revision = counts.of(id).revision();
        Instant at = clock.instant();
        try {
            Path building = Files.createTempFile(dir, "letter-" + id + "-", ".part");
            try (Writer w = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(building), 1 << 16), StandardCharsets.UTF_8))) {
                w.write(HEADER);
                signatories.forEach(letter, s -> {
                    try {
                        w.write(row(s));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(building);
                throw e;
            }
            Path file =
                    dir.resolve("letter-" + id + "-" + erasures + "-" + revision + "-" + System.nanoTime() + ".csv.gz");
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            Copy copy = new Copy(file, erasures, revision, at);
            Copy old = copies.put(id, copy);
            if (old != null) {
                Files.deleteIfExists(old.file()); // requests still reading it keep their open file
            }
            builds.increment();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String row(Signatories.Signatory s) {
        return String.join(
                        ",",
                        cell(s.name()),
                        cell(s.organisation()),
                        cell(s.role()),
                        s.levels().identity(),
                        s.levels().affiliation(),
                        String.valueOf(s.version()),
                        String.valueOf(s.signedAt()))
                + "\r\n";
    }

    /** A cell quoted as RFC 4180 says, and defused so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** Deletes copies that an erasure on another replica outdated, so no erased name stays on this disk either. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.SUPPORTS)
    void deleteErased() {
        copies.forEach((id, copy) -> {
            if (copy.erasures() < repository.value(id, ERASURES, "") && copies.remove(id, copy)) {
                delete(copy.file());
            }
        });
    }

    @PreDestroy
    void deleteAll() {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(SignatoryCsv::delete);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warnf("could not delete the signatory copies in %s: %s", dir, e.getMessage());
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
