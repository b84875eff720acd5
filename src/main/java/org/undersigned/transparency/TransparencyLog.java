package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.undersigned.transparency.merkle.Hashes;

/**
 * Appending to a letter's log. An entry is written durably in the caller's transaction (so it exists if and only if
 * the change it records commits) and integrated into the tree shortly after by the {@link Sequencer}, which never
 * makes a signing request wait.
 */
@ApplicationScoped
public class TransparencyLog {

    /** Fired after a commit that appended, to wake the sequencer at once. */
    record Appended(long letterId) {}

    /** A sequenced entry, as other features see it: its index, the signature it is about, its opaque effect. */
    public record Sequenced(long index, Long signatureSeq, String effect) {}

    /**
     * Fired inside the sequencer's transaction when entries join a letter's log: features that keep derived state
     * (counts) update it in the same transaction as the checkpoint, so a count is always that of a checkpoint.
     */
    public record EntriesSequenced(long letterId, long size, String rootHash, List<Sequenced> entries) {}

    /** The checkpoint of a log, for APIs. */
    public record Head(long size, String rootHash) {

        /** An empty log: size 0, root SHA-256 of nothing (RFC 9162 §2.1.1). */
        public static final Head EMPTY = new Head(0, Base64.getEncoder().encodeToString(Hashes.emptyTreeHash()));
    }

    private final PendingRepository pendingRepository;
    private final HeadRepository headRepository;
    private final EntryRepository entryRepository;
    private final Event<Appended> appended;
    private final CosignatureRepository cosignatures;
    private final Witnesses witnesses;
    private final CheckpointRepository checkpoints;

    TransparencyLog(
            PendingRepository pendingRepository,
            HeadRepository headRepository,
            EntryRepository entryRepository,
            Event<Appended> appended,
            CosignatureRepository cosignatures,
            Witnesses witnesses,
            CheckpointRepository checkpoints) {
        this.pendingRepository = pendingRepository;
        this.headRepository = headRepository;
        this.entryRepository = entryRepository;
        this.appended = appended;
        this.cosignatures = cosignatures;
        this.witnesses = witnesses;
        this.checkpoints = checkpoints;
    }

    /**
     * {@code effect} is opaque to the log and handed back in {@link EntriesSequenced}. Returns the entry's leaf hash
     * in hex, by which attestations and receipts name it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(long letterId, String entry, Long signatureSeq, String effect) {
        pendingRepository.add(letterId, entry, signatureSeq, effect);
        appended.fire(new Appended(letterId));
        return HexFormat.of().formatHex(Hashes.leafHash(LogEntries.utf8(entry)));
    }

    /** The text of the entries from index {@code from}, at most {@code count} of them, for a replay of the log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> entries(long letterId, long from, int count) {
        return entryRepository.range(letterId, from, count).stream()
                .map(StoredEntry::entry)
                .toList();
    }

    /**
     * Holds the letter's sequencer back until this transaction ends (it takes the same row lock before it writes),
     * so what is read meanwhile, counts and checkpoint alike, stays that of one checkpoint; returns the log's size.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long holdSequencer(long letterId) {
        return headRepository.lockHead(letterId);
    }

    /** True when every written event has been integrated into its log. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean idle() {
        return pendingRepository.nothingPending();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Head> head(long letterId) {
        return headRepository.latestCheckpoint(letterId).map(c -> new Head(c.size(), c.root()));
    }

    /** A checkpoint as signed: its size, root hash (base64) and when. */
    public record Signed(long size, String rootHash, Instant at) {}

    /** The last checkpoint signed in each hour or day ({@code unit}) of [from, to), oldest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Signed> lastPer(long letterId, String unit, Instant from, Instant to, int limit) {
        return checkpoints.lastPer(letterId, unit, from, to, limit);
    }

    /** A checkpoint's size, root hash (base64) and signed note text (C2SP tlog-checkpoint). */
    public record SignedNote(long size, String rootHash, String text) {}

    /** The checkpoint signed at exactly {@code size}, if one was. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SignedNote> checkpoint(long letterId, long size) {
        return checkpoints.at(letterId, size);
    }

    /** The size of every checkpoint of the log, ascending (a one-off replay's stops). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> checkpointSizes(long letterId) {
        return checkpoints.sizes(letterId);
    }

    /** The latest checkpoint cosigned by the quorum of configured witnesses; empty without witnesses. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Head> witnessed(long letterId) {
        if (witnesses.all().isEmpty()) {
            return Optional.empty();
        }
        return cosignatures
                .witnessed(letterId, witnesses.ids(), witnesses.quorum())
                .map(c -> new Head(c.size(), c.root()));
    }
}
