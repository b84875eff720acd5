package org.undersigned.signatures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Organisations;
import org.undersigned.web.ShortCache;

/**
 * A letter's counts, kept in letter_count in the same transaction as every change, so a count is a read of a few
 * rows however many signatures there are. Reads are cached per letter for a moment (each replica's own cache; a
 * change on this replica clears it at once).
 */
@ApplicationScoped
class Counts {

    /** Affiliation levels, weakest to strongest (docs/ARCHITECTURE.md#signing); "none": no affiliation given. */
    static final List<String> LEVELS =
            Stream.of(AffiliationLevel.values()).map(AffiliationLevel::wire).toList();

    /**
     * Public signers per organisation (dimension names fit letter_count's 12 characters). (The earlier dimension "organisation" counted private signers too; its rows
     * are no longer read, and ListedOrganisations filled this one from the signatures once.)
     */
    static final String LISTED_ORGANISATION = "listed-org";

    /** Free-text organisations named by fewer public signers than this are counted together as {@link #OTHER}. */
    static final int FREE_TEXT_MINIMUM = 5;

    static final String OTHER = "other";

    /**
     * When the count last gained a signer (epoch seconds): the home page's "last signed", kept with the counts so that
     * no request reads signatures for it. Not a count: the count audit leaves it alone.
     */
    static final String SIGNED_AT = "signed-at";

    static final List<String> IDENTITIES =
            Stream.of(IdentityMethod.values()).map(IdentityMethod::wire).toList();

    record Snapshot(
            long total,
            Map<String, Long> byLevel,
            Map<String, Long> byIdentity,
            Map<String, Long> byOrganisation,
            Map<String, Long> byVersion,
            Checkpoint checkpoint,
            long revision,
            Instant asOf,
            Instant lastSigned) {}

    /** The log checkpoint a snapshot was computed at; rootHash in base64 as in the checkpoint itself. */
    public record Checkpoint(long size, String rootHash) {}

    private final CountRepository repository;
    private final Organisations organisations;
    private final ShortCache<Long, Snapshot> cache;
    private final Clock clock;

    Counts(CountRepository repository, Organisations organisations, CacheConfig config, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.cache = new ShortCache<>(config.cache(), 100_000);
        this.clock = clock;
    }

    /**
     * {@code undersigned.count.cache}: how long a replica serves a count before reading it again;
     * {@code undersigned.count.audit-every}: how often the count audit ({@link CountAudit}) compares with the log.
     */
    @ConfigMapping(prefix = "undersigned.count")
    interface CacheConfig {
        @WithDefault("1s")
        Duration cache();

        @WithDefault("10s")
        Duration auditEvery();
    }

    /**
     * A batch's count changes, summed per key: one update per key a batch touches, however many entries it holds
     * (the sequencer integrates thousands at a time).
     */
    static final class Changes {

        // by dimension, then key: every writer locks the rows in the same order, so none can deadlock another
        private final Map<String, Map<String, Long>> deltas = new TreeMap<>();
        private boolean gained;

        /** The signer becomes live (+1) or not (-1): the total and each of {@code keys} (dimension to key). */
        void live(Map<String, String> keys, int delta) {
            gained |= delta > 0;
            add("total", "", delta);
            keys.forEach((dimension, key) -> add(dimension, key, delta));
        }

        /** A live signer moves from one key of {@code dimension} to another. */
        void move(String dimension, String from, String to) {
            add(dimension, from, -1);
            add(dimension, to, 1);
        }

        private void add(String dimension, String key, long delta) {
            deltas.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(key, delta, Long::sum);
        }
    }

    /**
     * Applies a batch's changes and stores the checkpoint the counts now correspond to, in the transaction that
     * writes that checkpoint (so one read gives a consistent pair). Answers the total at that checkpoint.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long apply(long letterId, Changes changes, long size, String rootHash) {
        changes.deltas.forEach(
                (dimension, keys) -> keys.forEach((key, delta) -> repository.add(letterId, dimension, key, delta)));
        repository.replace(letterId, "checkpoint", rootHash, size);
        if (changes.gained) { // the time the log took the signer in, a moment after the confirmation
            repository.replace(letterId, SIGNED_AT, "", clock.instant().getEpochSecond());
        }
        long total = repository.recordTotalAt(letterId, size);
        bump(letterId);
        return total;
    }

    /** Adds counts computed from the signatures themselves (a one-off backfill of a new dimension). */
    @Transactional(Transactional.TxType.MANDATORY)
    void backfill(long letterId, String dimension, Map<String, Long> counts) {
        counts.forEach((key, n) -> repository.add(letterId, dimension, key, n));
        bump(letterId);
    }

    /** The counts were corrected behind the sequencer's back (the count audit): readers must see it at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    void corrected(long letterId) {
        bump(letterId);
    }

    private void bump(long letterId) {
        repository.add(letterId, "revision", "", 1);
        cache.forget(letterId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Snapshot of(long letterId) {
        return cache.get(letterId, this::read);
    }

    /**
     * The counts of several letters: those cached and fresh as they are, the rest in one read together (rather than a
     * read per letter as each one's cache entry expires).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<Long, Snapshot> of(Collection<Long> letterIds) {
        Map<Long, Snapshot> found = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        for (long id : letterIds) {
            Snapshot fresh = cache.fresh(id);
            if (fresh != null) {
                found.put(id, fresh);
            } else {
                stale.add(id);
            }
        }
        if (!stale.isEmpty()) {
            Map<Long, List<CountRepository.Row>> rows = repository.all(stale);
            for (long id : stale) {
                Snapshot read = snapshot(rows.getOrDefault(id, List.of()));
                cache.put(id, read);
                found.put(id, read);
            }
        }
        return found;
    }

    private Snapshot read(long letterId) {
        return snapshot(repository.all(letterId));
    }

    private Snapshot snapshot(List<CountRepository.Row> rows) {
        Map<String, Long> byLevel = zeros(LEVELS);
        Map<String, Long> byIdentity = zeros(IDENTITIES);
        Map<String, Long> byOrganisation = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Long> byVersion = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        long total = 0;
        long revision = 0;
        Instant lastSigned = null;
        // before anything is logged, the count (0) is that of the empty log, whose checkpoint the log serves
        Checkpoint checkpoint = new Checkpoint(0, TransparencyLog.Head.EMPTY.rootHash());
        for (CountRepository.Row row : rows) {
            switch (row.dimension()) {
                case "total" -> total = row.n();
                case "revision" -> revision = row.n();
                case "level" -> byLevel.put(row.key(), row.n());
                case "identity" -> byIdentity.put(row.key(), row.n());
                case LISTED_ORGANISATION -> {
                    if (row.n() >= FREE_TEXT_MINIMUM
                            || row.n() > 0 && organisations.named(row.key()).isPresent()) {
                        byOrganisation.merge(row.key(), row.n(), Long::sum);
                    } else if (row.n() > 0) { // a few people's free text could single them out, or say anything
                        byOrganisation.merge(OTHER, row.n(), Long::sum);
                    }
                }
                case "version" -> byVersion.put(row.key(), row.n());
                case "checkpoint" -> checkpoint = new Checkpoint(row.n(), row.key());
                case SIGNED_AT -> lastSigned = Instant.ofEpochSecond(row.n());
                default -> {}
            }
        }
        return new Snapshot(
                total, byLevel, byIdentity, byOrganisation, byVersion, checkpoint, revision, Instant.now(), lastSigned);
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }
}
