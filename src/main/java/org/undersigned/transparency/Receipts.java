package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.undersigned.transparency.merkle.Proofs;

/**
 * A signature's receipt in C2SP tlog-proof form: the entry (as the extra data), its index, the inclusion proof and
 * the signed checkpoint the proof leads to. Anyone holding it can check offline that the signature was logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Receipts {

    private final HeadRepository headRepository;
    private final HashRepository hashRepository;
    private final EntryRepository entryRepository;

    Receipts(HeadRepository headRepository, HashRepository hashRepository, EntryRepository entryRepository) {
        this.hashRepository = hashRepository;
        this.headRepository = headRepository;
        this.entryRepository = entryRepository;
    }

    /** Empty until the signature's first entry has been sequenced. */
    public Optional<String> forSignature(long letterId, long signatureSeq) {
        List<StoredEntry> entries = entryRepository.ofSignature(letterId, signatureSeq);
        Optional<StoredCheckpoint> checkpoint = headRepository.latestCheckpoint(letterId);
        if (entries.isEmpty() || checkpoint.isEmpty()) {
            return Optional.empty();
        }
        StoredEntry entry = entries.get(0);
        StoredCheckpoint c = checkpoint.get();
        // C2SP tlog-proof: header, optional extra, index, proof hashes, a blank line, then the checkpoint note
        StringBuilder out = new StringBuilder("c2sp.org/tlog-proof@v1\n");
        out.append("extra ")
                .append(Base64.getEncoder().encodeToString(LogEntries.utf8(entry.entry())))
                .append('\n');
        out.append("index ").append(entry.index()).append('\n');
        for (byte[] h : Proofs.inclusionProof(entry.index(), c.size(), hashRepository.reader(letterId))) {
            out.append(Base64.getEncoder().encodeToString(h)).append('\n');
        }
        return Optional.of(out.append('\n').append(c.note()).toString());
    }
}
