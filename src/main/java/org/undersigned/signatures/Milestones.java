package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Outbox;

/**
 * Milestones (docs/ARCHITECTURE.md, "Milestones and the press list"): when the count of a checkpoint first reaches a
 * count named in letter.yaml, the milestone is recorded with that checkpoint, once and never twice (the table's
 * primary key decides between replicas), and announced: to the signers who asked for news, to the letter's press
 * list (in batches, like news), and to the addressee if the organisers opted in.
 */
@ApplicationScoped
public class Milestones {

    /** A milestone reached: the count, when, and the checkpoint (size and root) at which the log first counted it. */
    public record Reached(long count, Instant at, long size, String rootHash) {}

    static final int BATCH = 200;

    private final MilestoneRepository repository;
    private final LetterService letters;
    private final Notifications notifications;
    private final PressList press;
    private final Outbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    /** Per letter, the highest milestone known to be recorded (committed): most count changes need no query. */
    private final Map<Long, Long> recorded = new ConcurrentHashMap<>();

    Milestones(
            MilestoneRepository repository,
            LetterService letters,
            Notifications notifications,
            PressList press,
            Outbox outbox,
            TransactionSynchronizationRegistry transactions,
            Clock clock) {
        this.repository = repository;
        this.letters = letters;
        this.notifications = notifications;
        this.press = press;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The letter's count is now {@code total}, at the checkpoint of {@code size}: in the sequencer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void counted(long letterId, long total, long size, String rootHash) {
        List<Long> counts = letters.milestones(letterId).counts();
        long known = recorded.computeIfAbsent(letterId, repository::highest);
        for (long threshold : counts) {
            if (threshold > total) {
                break;
            }
            if (threshold > known && repository.record(letterId, threshold, clock.instant(), size, rootHash)) {
                announce(letterId, threshold);
            }
        }
        long highest = counts.stream()
                .filter(c -> c <= total)
                .mapToLong(Long::longValue)
                .max()
                .orElse(known);
        if (highest > known) {
            // remembered only once committed: a rolled-back batch must find the milestone unrecorded again
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        recorded.merge(letterId, highest, Math::max);
                    }
                }
            });
        }
    }

    private void announce(long letterId, long threshold) {
        SigningTarget letter = letters.signingTarget(letterId).orElse(null);
        if (letter == null) {
            return;
        }
        String url = "/letters/" + letter.slug() + "#milestone-" + threshold;
        notifications.announce(letterId, "milestone", String.valueOf(threshold), url);
        letters.milestones(letterId)
                .addressee()
                .ifPresent(addressee -> outbox.enqueue(press.milestoneMail(addressee, null, letter, threshold, null)));
    }

    /** The milestones a letter has reached, in ascending order. */
    @Transactional
    public List<Reached> reached(long letterId) {
        return repository.of(letterId).stream()
                .map(r -> new Reached(r.threshold(), r.reachedAt(), r.size(), r.rootHash()))
                .toList();
    }

    @Scheduled(
            every = "${undersigned.mail.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "milestone-press-mailings")
    void mailPress() {
        while (QuarkusTransaction.requiringNew().call(this::pressBatch)) {
            // next batch, each in its own transaction
        }
    }

    /** Queues one batch of one milestone's press mailing; true when there may be more to do. */
    boolean pressBatch() {
        return repository
                .lockNextPressMailing()
                .map(m -> {
                    SigningTarget letter = letters.signingTarget(m.letterId()).orElse(null);
                    long next = letter == null
                            ? m.pressNextSeq()
                            : press.mailMilestone(letter, m.threshold(), m.pressNextSeq(), BATCH);
                    repository.advance(m, next, letter == null || next == m.pressNextSeq());
                    return true;
                })
                .orElse(false);
    }
}
