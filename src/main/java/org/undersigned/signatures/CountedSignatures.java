package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.attestations.Attestations;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.WireEnum;

/**
 * Counted signatures as organisers see them (never public): private signers included, and the comments signers left.
 * Keyset pages of at most {@link #MAX_PAGE}, so that no request reads a whole letter's signatures into memory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CountedSignatures {

    public static final int MAX_PAGE = 100;

    /** One counted signature: its stated affiliation, its evidence levels, any attested honours. */
    public record Row(
            String id,
            String name,
            String organisation,
            String role,
            String listing,
            String identity,
            String level,
            String honours,
            OffsetDateTime confirmedAt) {}

    /** {@code next}: the cursor of the following page, null on the last. */
    public record Page(List<Row> items, String next) {}

    /** A signer's comment, with the name as signed and whether it is listed. */
    public record Comment(String id, String name, String listing, OffsetDateTime confirmedAt, String comment) {}

    public record Comments(List<Comment> items, String next) {}

    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Attestations attestations;

    CountedSignatures(SignatureRepository signatures, SignableLetters letters, Attestations attestations) {
        this.signatures = signatures;
        this.letters = letters;
        this.attestations = attestations;
    }

    /**
     * Counted signatures in signing order after the cursor {@code after}, filtered by a name search {@code query} as
     * the public list reads it (at least {@link Signatories#MIN_QUERY} letters or digits). A bad query or cursor is
     * an {@link InvalidInput} on field {@code q} or {@code after}.
     */
    public Page page(String slug, String query, String after, int limit) {
        SigningTarget letter = letters.letter(slug);
        int size = size(limit);
        String folded = SignRequest.fold(SignRequest.clean(query));
        if (folded != null
                && folded.codePoints().filter(Character::isLetterOrDigit).count() < Signatories.MIN_QUERY) {
            throw new InvalidInput(
                    Map.of("q", "Search with at least " + Signatories.MIN_QUERY + " letters or digits of the name."));
        }
        List<Signature> rows = signatures.counted(letter.letterId(), cursor(after), folded, size + 1);
        return new Page(
                rows.stream().limit(size).map(CountedSignatures::row).toList(),
                rows.size() > size ? String.valueOf(rows.get(size - 1).seq) : null);
    }

    /** One counted signature of the letter, by its public id. */
    public Optional<Row> one(String slug, String id) {
        SigningTarget letter = letters.letter(slug);
        return signatures
                .findByPublicId(id)
                .filter(s -> s.letterId == letter.letterId() && s.status == Signature.Status.CONFIRMED)
                .map(CountedSignatures::row);
    }

    /**
     * The signed statements about a signature, oldest first, each a DSSE envelope exactly as
     * {@code GET /api/signatures/<id>/attestations} serves it.
     */
    public List<String> statements(String id) {
        return attestations.about(id);
    }

    /** Comments of counted signatures, newest confirmation first, after the cursor {@code after}. */
    public Comments comments(String slug, String after, int limit) {
        SigningTarget letter = letters.letter(slug);
        int size = size(limit);
        long afterSeq = cursor(after);
        OffsetDateTime beforeAt = null;
        if (afterSeq > 0) {
            // the cursor names the last comment shown; its confirmation time is the keyset position
            Signature last = signatures.findById(afterSeq);
            if (last == null || last.letterId != letter.letterId() || last.confirmedAt == null) {
                throw badCursor();
            }
            beforeAt = last.confirmedAt;
        }
        List<Signature> rows = signatures.commented(letter.letterId(), beforeAt, afterSeq, size + 1);
        return new Comments(
                rows.stream()
                        .limit(size)
                        .map(s -> new Comment(
                                s.id.toString(), s.name, WireEnum.wire(s.listing), s.confirmedAt, s.comment))
                        .toList(),
                rows.size() > size ? String.valueOf(rows.get(size - 1).seq) : null);
    }

    private static int size(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(after.strip());
            if (seq < 0) {
                throw badCursor();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw badCursor();
        }
    }

    private static InvalidInput badCursor() {
        return new InvalidInput(Map.of("after", "This page position is not one the console gave: start again."));
    }

    private static Row row(Signature s) {
        return new Row(
                s.id.toString(),
                s.name,
                s.organisation,
                s.role,
                WireEnum.wire(s.listing),
                WireEnum.wire(s.identityMethod),
                WireEnum.wire(s.affiliationLevel),
                s.honours,
                s.confirmedAt);
    }
}
