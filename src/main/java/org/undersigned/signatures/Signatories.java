package org.undersigned.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.Receipts;
import org.undersigned.web.ShortCache;
import org.undersigned.web.WireEnum;

/** Public views of signatures: lists of public signatories, one signature's status, and counts. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Signatories {

    public static final int MAX_PAGE = 200;

    /** Letters and digits a name search needs: the trigram index serves no less, so fewer would walk the list. */
    public static final int MIN_QUERY = 3;

    public record Levels(String identity, String affiliation) {}

    /**
     * A publicly listed signatory: never an email, never a private signer. {@code salt} completes the public record
     * whose SHA-256, {@code listing}, the signer's log entry carries (see the README).
     */
    public record Signatory(
            String name,
            String organisation,
            String role,
            Levels levels,
            int version,
            OffsetDateTime signedAt,
            String salt,
            String listing,
            String honours,
            String id) {}

    public record Page(List<Signatory> items, String next) {}

    /** Public status of one signature; name and affiliation only when the signer chose to be listed. */
    public record Status(
            String id,
            String letter,
            String status,
            String listing,
            Integer version,
            String textSha256,
            OffsetDateTime signedAt,
            Levels levels,
            String name,
            String organisation,
            String role,
            String honours,
            String receipt,
            String attestations) {}

    public record Count(
            String letter,
            long total,
            Map<String, Long> byLevel,
            Map<String, Long> byIdentity,
            Map<String, Long> byOrganisation,
            Map<String, Long> byVersion,
            Counts.Checkpoint checkpoint,
            Witnessed witnessed,
            Instant asOf) {}

    /**
     * The latest checkpoint the quorum of witnesses cosigned, and the total the log counted at it (null for a
     * checkpoint signed before totals were kept); null when there is none.
     */
    public record Witnessed(long size, String rootHash, Long total) {}

    private final SignatureRepository signatures;
    private final Counts counts;
    private final WitnessedCounts witnessedCounts;
    private final LetterService letters;
    private final Receipts receipts;
    private final ObjectMapper json;
    private final Map<Long, CountJson> countJson = new ConcurrentHashMap<>();
    private final ShortCache<String, CountReply> countReplies;

    Signatories(
            SignatureRepository signatures,
            Counts counts,
            LetterService letters,
            Receipts receipts,
            WitnessedCounts witnessedCounts,
            ObjectMapper json,
            Counts.CacheConfig countCache) {
        this.json = json;
        this.countReplies = new ShortCache<>(countCache.cache(), 10_000);
        this.witnessedCounts = witnessedCounts;
        this.signatures = signatures;
        this.counts = counts;
        this.letters = letters;
        this.receipts = receipts;
    }

    public Page page(SigningTarget letter, String query, String after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        long afterSeq = parseCursor(after);
        String folded = SignRequest.fold(SignRequest.clean(query));
        if (folded != null
                && folded.codePoints().filter(Character::isLetterOrDigit).count() < MIN_QUERY) {
            throw new InvalidForm(Map.of("q", FieldProblem.QUERY_TOO_SHORT));
        }
        List<Signature> rows = signatures.listed(letter.letterId(), afterSeq, folded, size + 1);
        List<Signatory> items = rows.stream().limit(size).map(Signatories::view).toList();
        String next = rows.size() > size ? String.valueOf(rows.get(size - 1).seq) : null;
        return new Page(items, next);
    }

    /** The latest public signatories, newest first. */
    public List<Signatory> recent(SigningTarget letter, int limit) {
        return signatures.recent(letter.letterId(), limit).stream()
                .map(Signatories::view)
                .toList();
    }

    /** Every public signatory, a page at a time, without holding them all in memory. */
    public void forEach(SigningTarget letter, Consumer<Signatory> sink) {
        long after = 0;
        while (true) {
            List<Signature> rows = signatures.listed(letter.letterId(), after, null, 1000);
            rows.forEach(s -> sink.accept(view(s)));
            if (rows.size() < 1000) {
                return;
            }
            after = rows.get(rows.size() - 1).seq;
            signatures.getEntityManager().clear();
        }
    }

    /** The receipt of a logged signature: its C2SP tlog-proof text, once its entry is in the log. */
    public Optional<String> receipt(String id) {
        return signatures
                .findByPublicId(id)
                .filter(s -> s.signerId != null)
                .flatMap(s -> receipts.forSignature(s.letterId, s.seq));
    }

    public Optional<Status> status(String id) {
        return signatures.findByPublicId(id).map(s -> {
            String slug =
                    letters.signingTarget(s.letterId).map(SigningTarget::slug).orElse(null);
            boolean listed = s.status == Signature.Status.CONFIRMED && s.isPublic();
            boolean logged = s.leafHash != null;
            return new Status(
                    s.id.toString(),
                    slug,
                    publicStatus(s),
                    WireEnum.wire(s.listing),
                    s.versionNumber,
                    s.textSha256,
                    s.confirmedAt,
                    new Levels(WireEnum.wire(s.identityMethod), WireEnum.wire(s.affiliationLevel)),
                    listed ? s.name : null,
                    listed ? s.organisation : null,
                    listed ? s.role : null,
                    listed ? s.honours : null,
                    logged ? "/api/signatures/" + s.id + "/receipt" : null,
                    logged ? "/api/signatures/" + s.id + "/attestations" : null);
        });
    }

    public Count count(SigningTarget letter) {
        return count(
                letter,
                counts.of(letter.letterId()),
                witnessedCounts.of(letter.letterId()).orElse(null));
    }

    /**
     * The count as JSON, serialised once per counts read (the cache of {@code undersigned.count.cache}) rather than
     * per request: serialising was the count endpoint's largest cost of its own (bench/README.md).
     */
    private byte[] countJson(SigningTarget letter) {
        Counts.Snapshot c = counts.of(letter.letterId());
        Witnessed w = witnessedCounts.of(letter.letterId()).orElse(null);
        CountJson cached = countJson.get(letter.letterId());
        if (cached != null && cached.counts() == c && Objects.equals(cached.witnessed(), w)) {
            return cached.json();
        }
        try {
            byte[] json = this.json.writeValueAsBytes(count(letter, c, w));
            countJson.put(letter.letterId(), new CountJson(c, w, json));
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A letter's count as served: its JSON and its revision (the ETag). */
    public record CountReply(byte[] json, String revision) {}

    /**
     * The count's reply for a letter, made from the cached counts (which this reads, and may load); kept for the
     * counts' cache time so that {@link #freshCountReply} can answer without reading anything.
     */
    public CountReply countReply(SigningTarget letter) {
        CountReply reply = new CountReply(countJson(letter), revision(letter));
        countReplies.put(letter.slug(), reply);
        return reply;
    }

    /** The reply made for this slug less than the counts' cache time ago, or null: memory only, never blocks. */
    public CountReply freshCountReply(String slug) {
        return countReplies.fresh(slug);
    }

    /** A count's JSON and the counts read and witnessed total it was made from. */
    private record CountJson(Counts.Snapshot counts, Witnessed witnessed, byte[] json) {}

    private Count count(SigningTarget letter, Counts.Snapshot c, Witnessed witnessed) {
        return new Count(
                letter.slug(),
                c.total(),
                c.byLevel(),
                c.byIdentity(),
                c.byOrganisation(),
                c.byVersion(),
                c.checkpoint(),
                witnessed,
                c.asOf());
    }

    /** Changes whenever any count of the letter changes: an ETag for the count. */
    public String revision(SigningTarget letter) {
        return letter.letterId() + "-" + counts.of(letter.letterId()).revision()
                + witnessedCounts
                        .of(letter.letterId())
                        .map(w -> "-w" + w.size())
                        .orElse("");
    }

    private static String publicStatus(Signature s) {
        if (s.moderation == Signature.ModerationState.REJECTED || s.moderation == Signature.ModerationState.DISOWNED) {
            return s.moderation == Signature.ModerationState.REJECTED ? "rejected" : "disowned";
        }
        return switch (s.status) {
            case CONFIRMED -> "confirmed";
            case WITHDRAWN -> "withdrawn";
            case PENDING, DUPLICATE -> s.held() ? "held" : "pending-email";
        };
    }

    private static Signatory view(Signature s) {
        return view(s, s.versionNumber);
    }

    /** A signatory as listed, on {@code version} (the one the log had them on at a snapshot's checkpoint). */
    static Signatory view(Signature s, int version) {
        return new Signatory(
                s.name,
                s.organisation,
                s.role,
                new Levels(WireEnum.wire(s.identityMethod), WireEnum.wire(s.affiliationLevel)),
                version,
                s.confirmedAt,
                s.listingSalt,
                s.listingSalt == null ? null : SignerIds.commitment(SignerIds.listingRecord(s)),
                s.honours,
                s.id.toString());
    }

    private static long parseCursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(after.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidForm(Map.of("after", FieldProblem.CURSOR));
        }
    }
}
