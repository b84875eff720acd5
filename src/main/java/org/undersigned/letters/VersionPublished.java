package org.undersigned.letters;

/**
 * Fired (synchronously, inside the loading transaction) when a version later than the first is stored, so other
 * features can react in the same transaction, e.g. by asking earlier signers to re-affirm a material change.
 */
public record VersionPublished(
        long letterId, String slug, String title, int number, String textSha256, boolean carriesSignatures) {}
