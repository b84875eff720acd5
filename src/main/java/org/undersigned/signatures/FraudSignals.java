package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.undersigned.verification.Names;

/**
 * Bursts on a letter's dashboard (docs/ARCHITECTURE.md, "Organisers"): a window in which one client network, one email
 * domain or one name skeleton brought many more sign-ups or confirmations than it usually does. Read from the folded
 * per-window counts (SignupWindows), never from the signatures, except a few names to show near-identical ones.
 * A signal is a reason to look, not proof: each comes with an invalidation to preview, never to run blindly.
 */
@ApplicationScoped
public class FraudSignals {

    public enum Kind {
        SIGNUPS,
        CONFIRMATIONS
    }

    /** What a bulk invalidation preview is filled in with. */
    public record Preview(String domain, String networkTag, String nameTag, OffsetDateTime from, OffsetDateTime to) {}

    /**
     * A burst: in the window from {@code start} to {@code end}, {@code count} sign-ups or confirmations shared the
     * signal ({@code dimension} network, domain or name; {@code value} a network tag, a domain or a name tag), where
     * it usually brings {@code usual} per window.
     */
    public record Signal(
            Kind kind,
            String dimension,
            String value,
            OffsetDateTime start,
            OffsetDateTime end,
            int count,
            double usual,
            List<String> names,
            Preview preview) {}

    /** A window's sign-ups and confirmations, for the dashboard's timeline. */
    public record Window(OffsetDateTime start, int signups, int confirmations) {}

    static final int MAX_SIGNALS = 50;
    static final int NAME_SAMPLE = 5;
    static final int NAME_SCAN = 2000;

    private final SignupWindowRepository repository;
    private final SignableLetters letters;
    private final SignerIds ids;
    private final SignaturesConfig.Signals config;
    private final Clock clock;

    FraudSignals(
            SignupWindowRepository repository,
            SignableLetters letters,
            SignerIds ids,
            SignaturesConfig config,
            Clock clock) {
        this.repository = repository;
        this.letters = letters;
        this.ids = ids;
        this.config = config.signals();
        this.clock = clock;
    }

    /** Sign-ups and confirmations per window over the lookback, oldest first (windows with none left out). */
    @Transactional
    public List<Window> timeline(String slug) {
        return repository.totals(letters.letter(slug).letterId(), since()).stream()
                .map(c -> new Window(c.windowStart(), c.signups(), c.confirmations()))
                .toList();
    }

    /** The letter's bursts over the lookback, latest window first, at most 50. */
    @Transactional
    public List<Signal> of(String slug) {
        long letterId = letters.letter(slug).letterId();
        OffsetDateTime since = since();
        int windows = repository.totals(letterId, since).size();
        Map<String, int[]> sums = new HashMap<>();
        List<Signal> found = new ArrayList<>();
        for (SignupWindowRepository.Count c :
                repository.candidates(letterId, since, Math.min(config.minBurst(), config.minNames()))) {
            int min = c.dimension().equals("name") ? config.minNames() : config.minBurst();
            for (Kind kind : Kind.values()) {
                int count = kind == Kind.SIGNUPS ? c.signups() : c.confirmations();
                if (count < min) {
                    continue;
                }
                int[] sum = sums.computeIfAbsent(
                        c.dimension() + "\n" + c.value(),
                        k -> repository.sums(letterId, since, c.dimension(), c.value()));
                // the signal's usual count per window: its count in the letter's other active windows
                double usual = (double) (sum[kind.ordinal()] - count) / Math.max(1, windows - 1);
                if (count >= config.factor() * usual) {
                    found.add(signal(letterId, kind, c, count, usual));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparing(Signal::start)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(Signal::count).reversed()))
                .limit(MAX_SIGNALS)
                .toList();
    }

    private Signal signal(long letterId, Kind kind, SignupWindowRepository.Count c, int count, double usual) {
        OffsetDateTime start = c.windowStart();
        OffsetDateTime end = start.plus(SignupWindows.WINDOW);
        // bulk invalidation filters by confirmation time: a sign-up burst is confirmed from its window on
        OffsetDateTime to = kind == Kind.CONFIRMATIONS ? end : null;
        Preview preview = switch (c.dimension()) {
            case "network" -> new Preview(null, c.value(), null, start, to);
            case "domain" -> new Preview(c.value(), null, null, start, to);
            default -> new Preview(null, null, c.value(), start, to);
        };
        List<String> names = c.dimension().equals("name") ? names(letterId, c.value(), start, end) : List.of();
        return new Signal(kind, c.dimension(), c.value(), start, end, count, usual, names, preview);
    }

    /** A few of the near-identical names behind a name tag, as signed. */
    private List<String> names(long letterId, String tag, OffsetDateTime from, OffsetDateTime to) {
        Set<String> found = new LinkedHashSet<>();
        for (Object[] r : repository.names(letterId, from, to, NAME_SCAN)) {
            if (found.size() < NAME_SAMPLE
                    && ids.nameTag(Names.skeleton((String) r[1])).equals(tag)) {
                found.add((String) r[0]);
            }
        }
        return List.copyOf(found);
    }

    private OffsetDateTime since() {
        return SignupWindows.windowOf(OffsetDateTime.now(clock).minus(config.lookback()));
    }
}
