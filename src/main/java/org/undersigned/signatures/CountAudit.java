package org.undersigned.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.TransparencyLog;

/**
 * The stored counts are a cache of the log's count rule (docs/ARCHITECTURE.md#the-count-audit): this replays the
 * log's entries, from where the last replay stopped, and compares the totals by level, identity and version with the
 * stored ones at the same checkpoint. A difference raises an alarm (an ERROR line, {@code undersigned_count_alarms},
 * a readiness detail) and the stored counts are corrected from the replay. Organisations are not in the log, so they
 * are not audited.
 */
@ApplicationScoped
public class CountAudit {

    /** The dimensions the log's entries determine, as letter_count names them. */
    static final List<String> DIMENSIONS = List.of("total", "level", "identity", "version");

    /** Entries replayed per transaction. */
    static final int CHUNK = 2_000;

    private static final Logger LOG = Logger.getLogger(CountAudit.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an audit found: the size compared at, and for each dimension that differed the stored and log values. */
    public record Result(String letter, long size, boolean matched, Map<String, Difference> differences) {
        Result(String letter, long size, Map<String, Difference> differences) {
            this(letter, size, differences.isEmpty(), differences);
        }
    }

    public record Difference(Map<String, Long> stored, Map<String, Long> log) {}

    private final CountAuditRepository repository;
    private final CountRepository counts;
    private final Counts cache;
    private final TransparencyLog log;
    private final LetterService letters;
    private final Map<String, Result> alarms = new ConcurrentHashMap<>();

    CountAudit(
            CountAuditRepository repository,
            CountRepository counts,
            Counts cache,
            TransparencyLog log,
            LetterService letters,
            MeterRegistry registry) {
        this.repository = repository;
        this.counts = counts;
        this.cache = cache;
        this.log = log;
        this.letters = letters;
        registry.gauge("undersigned.count.alarms", alarms, Map::size);
    }

    /** Mismatches found since this replica started, by letter (the latest one each). */
    Map<String, Result> alarms() {
        return Map.copyOf(alarms);
    }

    @Scheduled(
            every = "${undersigned.count.audit-every:10s}",
            delayed = "${undersigned.count.audit-every:10s}", // a period after the start, which has enough to do
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "count-audit")
    void auditDue() {
        for (CountAuditRepository.Due due : QuarkusTransaction.requiringNew().call(repository::due)) {
            try {
                audit(due.letterId());
            } catch (RuntimeException e) { // one letter's trouble must not stop the others' audit
                LOG.warnf(
                        "count audit of letter %d: %s",
                        due.letterId(), e.getClass().getName());
            }
        }
    }

    /** A full replay from the first entry (admins), then the comparison. */
    public Result replayAll(String slug) {
        SigningTarget letter = letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
        QuarkusTransaction.requiringNew().run(() -> {
            repository.lockPosition(letter.letterId());
            repository.reset(letter.letterId());
        });
        return audit(letter.letterId());
    }

    /**
     * Replays what has not been replayed yet, a chunk per transaction, without holding anything back; the last
     * stretch is replayed and compared while the letter's sequencer waits, so counts and checkpoint stay one pair.
     */
    Result audit(long letterId) {
        while (true) {
            boolean more = QuarkusTransaction.requiringNew().call(() -> {
                long position = repository.lockPosition(letterId);
                long target = repository.countedSize(letterId);
                if (target - position <= CHUNK) {
                    return false;
                }
                replay(letterId, position, position + CHUNK);
                repository.advance(letterId, position + CHUNK, false);
                return true;
            });
            if (!more) {
                break;
            }
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> {
            log.holdSequencer(letterId);
            long position = repository.lockPosition(letterId);
            long size = repository.countedSize(letterId);
            replay(letterId, position, size);
            repository.advance(letterId, size, true);
            Map<String, Map<String, Long>> stored = repository.stored(letterId);
            Map<String, Map<String, Long>> replayed = repository.replayed(letterId);
            Map<String, Difference> differences = new TreeMap<>();
            for (String dimension : DIMENSIONS) {
                if (!stored.get(dimension).equals(replayed.get(dimension))) {
                    differences.put(dimension, new Difference(stored.get(dimension), replayed.get(dimension)));
                    counts.replaceDimension(letterId, dimension, replayed.get(dimension));
                }
            }
            if (!differences.isEmpty()) {
                cache.corrected(letterId);
            }
            return new Result(slug(letterId), size, differences);
        });
        if (!result.matched()) {
            alarms.put(result.letter(), result);
            LOG.errorf(
                    "COUNT MISMATCH %s at tree size %d: the stored counts differ from the log's (%s); corrected from "
                            + "the log",
                    result.letter(), result.size(), result.differences());
        }
        return result;
    }

    /** The count rule (README, "The transparency log") over entries [from, to), applied to the stored replay. */
    private void replay(long letterId, long from, long to) {
        if (to <= from) {
            return;
        }
        List<JsonNode> entries = log.entries(letterId, from, (int) (to - from)).stream()
                .map(CountAudit::parse)
                .toList();
        if (entries.size() != to - from) {
            throw new IllegalStateException(
                    "the log has " + entries.size() + " entries from " + from + ", not " + (to - from));
        }
        Set<String> signers = new LinkedHashSet<>();
        entries.forEach(e -> signers.add(e.path("signer").asText()));
        Map<String, CountAuditRepository.SignerState> states = new HashMap<>(repository.signers(letterId, signers));
        Map<String, CountAuditRepository.SignerState> changed = new HashMap<>();
        Map<String, Map<String, Long>> deltas = new TreeMap<>();
        for (JsonNode e : entries) {
            String signer = e.path("signer").asText();
            CountAuditRepository.SignerState before = states.get(signer);
            CountAuditRepository.SignerState after = next(before, e);
            if (after != before) {
                count(deltas, before, -1);
                count(deltas, after, 1);
                states.put(signer, after);
                changed.put(signer, after);
            }
        }
        repository.saveSigners(letterId, changed);
        repository.addTotals(letterId, deltas);
    }

    /** A signer's state after one entry; the same state when the entry changes nothing the counts show. */
    static CountAuditRepository.SignerState next(CountAuditRepository.SignerState s, JsonNode e) {
        String type = e.path("type").asText();
        return switch (type) {
            case "signature" -> {
                // evidence: the identity method, then the affiliation level (":<ROR id>" after it) if one was given
                JsonNode evidence = e.path("evidence");
                String level = evidence.size() > 1 ? evidence.get(1).asText().split(":", 2)[0] : "none";
                yield new CountAuditRepository.SignerState(
                        true, e.path("version").asInt(), evidence.path(0).asText(), level);
            }
            case "reaffirmation" ->
                s == null
                        ? null
                        : new CountAuditRepository.SignerState(
                                true, e.path("version").asInt(), s.identity(), s.level());
            case "withdrawal", "invalidation" ->
                s == null || !s.live()
                        ? s
                        : new CountAuditRepository.SignerState(false, s.version(), s.identity(), s.level());
            case "evidence" -> {
                boolean attested = false;
                for (JsonNode fact : e.path("evidence")) {
                    attested |= fact.asText().split(":", 2)[0].equals("attested");
                }
                yield s == null || !attested || s.level().equals("attested")
                        ? s
                        : new CountAuditRepository.SignerState(s.live(), s.version(), s.identity(), "attested");
            }
            default -> s; // other entries do not change the count
        };
    }

    private static void count(Map<String, Map<String, Long>> deltas, CountAuditRepository.SignerState s, long d) {
        if (s == null || !s.live()) {
            return;
        }
        add(deltas, "total", "", d);
        add(deltas, "level", s.level(), d);
        add(deltas, "identity", s.identity(), d);
        add(deltas, "version", String.valueOf(s.version()), d);
    }

    private static void add(Map<String, Map<String, Long>> deltas, String dimension, String key, long d) {
        deltas.computeIfAbsent(dimension, k -> new TreeMap<>()).merge(key, d, Long::sum);
    }

    private String slug(long letterId) {
        return letters.signingTarget(letterId).map(SigningTarget::slug).orElse(String.valueOf(letterId));
    }

    static JsonNode parse(String entry) {
        try {
            return JSON.readTree(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("a log entry that is not JSON", e);
        }
    }
}
