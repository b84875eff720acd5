package org.undersigned.transparency.merkle;

import java.util.List;

/**
 * Reads stored complete-subtree hashes (see {@link NodeId}), for instance from a table keyed by (level, index). The
 * algorithms here ask for O(log n) hashes per call, all at once, so one query serves a tree head or a proof.
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the stored hashes of the given subtrees, in the same order. A subtree that is not stored is an error
     * of the store: throw rather than return fewer hashes.
     */
    List<byte[]> readHashes(List<NodeId> ids);
}
