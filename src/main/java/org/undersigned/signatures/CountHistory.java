package org.undersigned.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.web.ShortCache;

/**
 * How a letter's count grew, checkpoint by checkpoint (docs/ARCHITECTURE.md, "Count history"): the last checkpoint of
 * each hour or day with its size, root and the count-rule total at it (letter_count_at, written with each checkpoint
 * since totals were kept; older checkpoints get theirs from a one-off replay of the log, {@link #backfill}).
 */
@ApplicationScoped
public class CountHistory {

    private static final Logger LOG = Logger.getLogger(CountHistory.class);

    /** At most this many points per answer: two years of days, or twelve weeks of hours. */
    public static final int MOST = 2_016;

    static final int CHUNK = 1_000;

    /** One point: at {@code time} the log, signed at {@code size} with {@code rootHash}, counted {@code count}. */
    public record Point(Instant time, long size, String rootHash, long count) {}

    private final TransparencyLog log;
    private final CountRepository counts;
    private final LetterService letters;
    private final ShortCache<String, List<Point>> cache = new ShortCache<>(Duration.ofSeconds(30), 10_000);

    CountHistory(TransparencyLog log, CountRepository counts, LetterService letters) {
        this.log = log;
        this.counts = counts;
        this.letters = letters;
    }

    /**
     * The points of [from, to) by {@code unit} ("hour" or "day"), oldest first; {@code to} null: up to now. Kept for
     * 30 s per replica.
     */
    @Transactional
    public List<Point> of(SigningTarget letter, String unit, Instant from, Instant to) {
        return cache.get(
                letter.letterId() + "|" + unit + "|" + from + "|" + to,
                k -> read(letter, unit, from, to == null ? Instant.now().plusSeconds(1) : to));
    }

    private List<Point> read(SigningTarget letter, String unit, Instant from, Instant to) {
        List<TransparencyLog.Signed> signed = log.lastPer(letter.letterId(), unit, from, to, MOST);
        Map<Long, Long> totals = counts.totalsAt(
                letter.letterId(),
                signed.stream().map(TransparencyLog.Signed::size).toList());
        return signed.stream()
                .filter(c -> totals.containsKey(c.size()))
                .map(c -> new Point(c.at(), c.size(), c.rootHash(), totals.get(c.size())))
                .toList();
    }

    @Scheduled(
            every = "${undersigned.count.backfill-every:6h}",
            delayed = "${undersigned.count.backfill-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "count-history-backfill")
    void backfillAll() {
        for (String slug : QuarkusTransaction.requiringNew()
                .call(() -> letters.list().stream().map(l -> l.slug()).toList())) {
            letters.signingTarget(slug).ifPresent(l -> backfill(l.letterId()));
        }
    }

    /**
     * Gives every checkpoint without a recorded total the count-rule total at its size, by replaying the log's
     * entries from the first (the same rule as the count audit, CountAudit.next). Idempotent; answers how many.
     */
    public int backfill(long letterId) {
        List<Long> missing = QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> have = counts.sizesWithTotals(letterId);
            return log.checkpointSizes(letterId).stream()
                    .filter(s -> !have.contains(s))
                    .toList();
        });
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, CountAuditRepository.SignerState> signers = new HashMap<>();
        long live = 0;
        long position = 0;
        List<long[]> found = new ArrayList<>();
        for (long stop : missing) {
            while (position < stop) {
                long from = position;
                int n = (int) Math.min(CHUNK, stop - position);
                List<String> entries = QuarkusTransaction.requiringNew().call(() -> log.entries(letterId, from, n));
                for (String text : entries) {
                    JsonNode e = CountAudit.parse(text);
                    String signer = e.path("signer").asText();
                    CountAuditRepository.SignerState before = signers.get(signer);
                    CountAuditRepository.SignerState after = CountAudit.next(before, e);
                    live += (after != null && after.live() ? 1 : 0) - (before != null && before.live() ? 1 : 0);
                    signers.put(signer, after);
                }
                position += entries.size();
                if (entries.size() < n) {
                    throw new IllegalStateException("the log of letter " + letterId + " ends before " + stop);
                }
            }
            found.add(new long[] {stop, live});
        }
        QuarkusTransaction.requiringNew().run(() -> found.forEach(f -> counts.backfillTotal(letterId, f[0], f[1])));
        cache.clear();
        LOG.infof(
                "Count history: %d checkpoints of letter %d got their totals from a replay of the log",
                found.size(), letterId);
        return found.size();
    }
}
