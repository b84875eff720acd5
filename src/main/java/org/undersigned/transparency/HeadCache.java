package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.NodeId;

/**
 * What proofs and tiles read on every request, kept per replica: each letter's latest checkpoint (forgotten when
 * this replica's sequencer commits a new one, and after {@code undersigned.log.head-cache} in case another replica
 * did), and the stored hashes of subtrees of 256 leaves and more, which never change once written (RFC 9162 §2.1:
 * a complete subtree's hash is fixed), so a proof reads only its few lowest nodes from the database.
 */
@ApplicationScoped
class HeadCache {

    static final int CACHED_FROM_LEVEL = 8;
    private static final int MAX_NODES = 2_000_000;

    private record Head(Optional<StoredCheckpoint> checkpoint, long at) {}

    private final HeadRepository headRepository;
    private final HashRepository hashRepository;
    private final long ttlNanos;
    private final Map<Long, Head> heads = new ConcurrentHashMap<>();
    private final Map<Long, Map<NodeId, byte[]>> nodes = new ConcurrentHashMap<>();

    HeadCache(HeadRepository headRepository, HashRepository hashRepository, LogConfig config) {
        this.headRepository = headRepository;
        this.hashRepository = hashRepository;
        this.ttlNanos = config.headCache().toNanos();
    }

    Optional<StoredCheckpoint> latest(long letterId) {
        long now = System.nanoTime();
        Head head = heads.get(letterId);
        if (head == null || now - head.at() >= ttlNanos) {
            head = new Head(headRepository.latestCheckpoint(letterId), now);
            heads.put(letterId, head);
        }
        return head.checkpoint();
    }

    /** The latest checkpoint read afresh, when a request names a tree larger than the cached one. */
    Optional<StoredCheckpoint> fresh(long letterId) {
        heads.remove(letterId);
        return latest(letterId);
    }

    void onSequenced(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransparencyLog.EntriesSequenced s) {
        heads.remove(s.letterId());
    }

    /** The hashes read on a connection of their own, with the upper levels of the tree served from memory. */
    HashReader reader(long letterId) {
        return caching(
                hashRepository.directReader(letterId), nodes.computeIfAbsent(letterId, k -> new ConcurrentHashMap<>()));
    }

    static HashReader caching(HashReader db, Map<NodeId, byte[]> cached) {
        return ids -> {
            List<NodeId> missing =
                    ids.stream().filter(id -> !cached.containsKey(id)).toList();
            Map<NodeId, byte[]> read = new HashMap<>();
            if (!missing.isEmpty()) {
                List<byte[]> hashes = db.readHashes(missing);
                for (int i = 0; i < missing.size(); i++) {
                    read.put(missing.get(i), hashes.get(i));
                    if (missing.get(i).level() >= CACHED_FROM_LEVEL && cached.size() < MAX_NODES) {
                        cached.put(missing.get(i), hashes.get(i));
                    }
                }
            }
            return ids.stream()
                    .map(id -> read.containsKey(id) ? read.get(id) : cached.get(id))
                    .toList();
        };
    }
}
