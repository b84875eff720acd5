package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.verification.Names;

/**
 * Folds new sign-ups and confirmations into counts per letter, 10-minute window and signal (client network tag, email
 * domain, name skeleton tag, and the window's total), which the organisers' fraud signals read (docs/ARCHITECTURE.md,
 * "Organisers"). Incremental: sign-ups are read by sequence number after the mark, confirmations by time; replicas
 * take turns on the mark's row. No personal data goes into the counts: networks and names only as keyed tags.
 */
@ApplicationScoped
class SignupWindows {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int BATCH = 5000;
    /**
     * Rows committing late are still read: the fold stays this far behind the clock. A transaction that commits later
     * than this after writing its rows may be missed by the signals (never by the count): signals are for looking.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** At most this much confirmation time per transaction, so a surge is folded in bounded steps. */
    static final Duration STEP = Duration.ofMinutes(1);

    private final SignupWindowRepository repository;
    private final SignerIds ids;
    private final Clock clock;

    SignupWindows(SignupWindowRepository repository, SignerIds ids, Clock clock) {
        this.repository = repository;
        this.ids = ids;
        this.clock = clock;
    }

    @Scheduled(
            every = "${undersigned.signatures.signals.fold-every:5s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "signup-windows")
    void scheduled() {
        fold();
    }

    /** Folds everything new up to now (less the settling time); returns how many rows were read. */
    int fold() {
        int total = 0;
        while (true) {
            Step step = QuarkusTransaction.requiringNew().call(this::step);
            total += step.read();
            if (!step.more()) {
                return total;
            }
        }
    }

    /**
     * What a step read, and whether it stopped short of the settled edge. A step that reached the edge ends the fold:
     * stepping again at once would, during a surge, read the same batch of unsettled sign-ups over and over for the
     * few that settled meanwhile (bench/README.md, "Mail"); they wait for the next fold, a few seconds later, so the
     * fold stays close behind the edge and a restart finds little to catch up on. A fold with nothing new costs two
     * short queries.
     */
    private record Step(int read, boolean more) {}

    /** One bounded step: a batch of sign-ups, then a stretch of confirmations. */
    private Step step() {
        SignupWindowRepository.Mark mark = repository.lockMark();
        Map<Key, int[]> counts = new HashMap<>();
        OffsetDateTime settled = OffsetDateTime.now(clock).minus(SETTLE);
        // up to the first sign-up younger than the settling time: one still committing may hold a lower number
        List<SignupWindowRepository.Row> signups = repository.signupsAfter(mark.seq(), BATCH).stream()
                .takeWhile(r -> !r.at().isAfter(settled))
                .toList();
        signups.forEach(r -> count(counts, r, 0));
        long seq =
                signups.isEmpty() ? mark.seq() : signups.get(signups.size() - 1).seq();
        boolean more = signups.size() == BATCH; // a whole batch settled: more may have
        OffsetDateTime confirmedUpTo = mark.confirmedAt();
        int confirmations = 0;
        OffsetDateTime next = repository.firstConfirmationAfter(mark.confirmedAt());
        if (next != null && !next.isAfter(settled)) {
            // from just before the next confirmation: quiet stretches cost one query, not one step per minute
            OffsetDateTime upTo = next.plus(STEP).isBefore(settled) ? next.plus(STEP) : settled;
            List<SignupWindowRepository.Row> confirmed = repository.confirmations(mark.confirmedAt(), upTo);
            confirmed.forEach(r -> count(counts, r, 1));
            confirmations = confirmed.size();
            confirmedUpTo = upTo;
            more |= upTo.isBefore(settled);
        }
        repository.addAll(counts.entrySet().stream()
                .map(e -> new SignupWindowRepository.Added(
                        e.getKey().letterId,
                        e.getKey().window,
                        e.getKey().dimension,
                        e.getKey().value,
                        e.getValue()[0],
                        e.getValue()[1]))
                .toList());
        if (seq != mark.seq() || !confirmedUpTo.equals(mark.confirmedAt())) {
            repository.moveMark(seq, confirmedUpTo);
        }
        return new Step(signups.size() + confirmations, more);
    }

    private void count(Map<Key, int[]> counts, SignupWindowRepository.Row r, int which) {
        OffsetDateTime window = windowOf(r.at());
        add(counts, new Key(r.letterId(), window, "all", ""), which);
        if (r.networkTag() != null) {
            add(counts, new Key(r.letterId(), window, "network", r.networkTag()), which);
        }
        String domain = domain(r.email());
        if (domain != null) {
            add(counts, new Key(r.letterId(), window, "domain", domain), which);
        }
        String skeleton = Names.skeleton(r.nameFolded());
        if (!skeleton.isEmpty()) {
            add(counts, new Key(r.letterId(), window, "name", ids.nameTag(skeleton)), which);
        }
    }

    private static void add(Map<Key, int[]> counts, Key key, int which) {
        counts.computeIfAbsent(key, k -> new int[2])[which]++;
    }

    static OffsetDateTime windowOf(OffsetDateTime at) {
        long seconds = at.toEpochSecond();
        return OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochSecond(seconds - Math.floorMod(seconds, WINDOW.toSeconds())), ZoneOffset.UTC);
    }

    /** The domain of an address as stored (normalised), or null (erased, or an ORCID signature without one). */
    static String domain(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String d = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
        return d.isEmpty() || d.length() > 64 ? null : d;
    }

    private record Key(long letterId, OffsetDateTime window, String dimension, String value) {}
}
