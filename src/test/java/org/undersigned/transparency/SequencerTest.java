package org.undersigned.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.support.Counted;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.ProofVerifier;
import org.undersigned.transparency.merkle.Proofs;

/** Many sequencers racing over one letter's log (as replicas would) never fork it. */
@QuarkusTest
class SequencerTest {

    static final String LETTER = "log-letter";

    @Inject
    TransparencyLog log;

    @Inject
    Sequencer sequencer;

    @Inject
    EntryRepository entryRepository;

    @Inject
    HeadRepository headRepository;

    @Inject
    HashRepository hashRepository;

    @Inject
    LetterService letters;

    @Inject
    EntityManager em;

    @Test
    void racingSequencersProduceOneLinearLog() throws Exception {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        int writers = 3;
        int perWriter = 400;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i += 20) {
                    int from = i;
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int k = from; k < from + 20; k++) {
                            log.append(
                                    letterId,
                                    LogEntries.withdrawal(
                                            LETTER, Instant.now(), String.format("%064x", writer * 100_000L + k)),
                                    null,
                                    null);
                        }
                    });
                }
            }));
        }
        for (int s = 0; s < 3; s++) {
            jobs.add(pool.submit(() -> {
                for (int round = 0; round < 30; round++) {
                    sequencer.runOnce();
                }
            }));
        }
        for (Future<?> job : jobs) {
            job.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Counted.settle(log);

        long size = QuarkusTransaction.requiringNew()
                .call(() ->
                        headRepository.latestCheckpoint(letterId).orElseThrow().size());
        assertThat(size).isEqualTo((long) writers * perWriter);
        List<StoredEntry> entries =
                QuarkusTransaction.requiringNew().call(() -> entryRepository.range(letterId, 0, (int) size));
        assertThat(entries)
                .extracting(StoredEntry::index)
                .containsExactlyElementsOf(LongStream.range(0, size).boxed().toList());
        byte[] root = Hashes.treeHash(entries.stream()
                .map(e -> Hashes.leafHash(LogEntries.utf8(e.entry())))
                .toList());

        // every checkpoint ever published is a prefix of the final log
        @SuppressWarnings("unchecked")
        List<Object[]> checkpoints = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "SELECT size, root FROM log_checkpoint WHERE letter_id = ?1 ORDER BY size")
                        .setParameter(1, letterId)
                        .getResultList());
        assertThat(checkpoints).isNotEmpty();
        for (Object[] c : checkpoints) {
            long at = ((Number) c[0]).longValue();
            byte[] atRoot = Base64.getDecoder().decode((String) c[1]);
            List<byte[]> proof = QuarkusTransaction.requiringNew()
                    .call(() -> Proofs.consistencyProof(at, size, hashRepository.reader(letterId)));
            ProofVerifier.verifyConsistency(at, size, proof, atRoot, root);
        }
    }

    @Test
    void theHeadOnlyAdvancesFromTheSizeItWasReadAt() {
        long letterId = letters.signingTarget(LETTER).orElseThrow().letterId();
        Counted.settle(log);
        boolean moved = QuarkusTransaction.requiringNew().call(() -> {
            long size = headRepository.lockHead(letterId);
            return headRepository.advanceHead(letterId, size + 7, size + 8);
        });
        assertThat(moved).isFalse();
    }
}
