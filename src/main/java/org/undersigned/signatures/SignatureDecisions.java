package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.Names;
import org.undersigned.web.WireEnum;

/**
 * What organisers may do to signatures, carried out as signing requires it: every decision that changes what counts
 * is an entry in the letter's log (docs/ARCHITECTURE.md#organisers). Organisers validate and decide; this class
 * changes the rows and writes the entries.
 */
@ApplicationScoped
public class SignatureDecisions {

    /** Names shown in a bulk invalidation's preview. */
    static final int SAMPLE = 10;

    /** A held signature as organisers see it in the moderation queue (never public). */
    public record Held(
            String id,
            String name,
            String organisation,
            String role,
            String heldAs,
            String affiliation,
            OffsetDateTime confirmedAt) {}

    /** An open dispute as organisers see it: the listed signer, who disputes it, and the signer's answer if any. */
    public record OpenDispute(
            String id,
            String signatureId,
            String name,
            String organisation,
            String claimantOrcid,
            String claimantName,
            OffsetDateTime openedAt,
            String answer,
            OffsetDateTime answeredAt) {}

    /** A counted signature, as far as an organiser attesting something about it needs to know. */
    public record Counted(String name, String organisation, String affiliation) {}

    /** Which counted signatures a bulk invalidation covers; every given filter must match (null = any). */
    /**
     * Which counted signatures a bulk invalidation covers (null = any): email domain, confirmed in [from, to), client
     * network (an address) or its tag as the fraud signals show it, and a name skeleton's tag.
     */
    public record Filter(
            String domain, OffsetDateTime from, OffsetDateTime to, String network, String networkTag, String nameTag) {}

    /** How many a bulk invalidation matched, and the first few names, for its preview. */
    public record Matched(int count, List<String> sample) {}

    private final Clock clock;
    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Publication publication;
    private final Endings endings;
    private final TransparencyLog log;
    private final SignatureAttestations attestations;
    private final SignerIds signerIds;
    private final DisputeRepository disputes;

    SignatureDecisions(
            Clock clock,
            SignatureRepository signatures,
            SignableLetters letters,
            Publication publication,
            Endings endings,
            TransparencyLog log,
            SignatureAttestations attestations,
            SignerIds signerIds,
            DisputeRepository disputes) {
        this.disputes = disputes;
        this.clock = clock;
        this.signatures = signatures;
        this.letters = letters;
        this.publication = publication;
        this.endings = endings;
        this.log = log;
        this.attestations = attestations;
        this.signerIds = signerIds;
    }

    @Transactional
    public List<Held> held(String slug, int limit) {
        SigningTarget letter = letters.letter(slug);
        return signatures.held(letter.letterId(), limit).stream()
                .map(s -> new Held(
                        s.id.toString(),
                        s.name,
                        s.organisation,
                        s.role,
                        s.heldAs,
                        WireEnum.wire(s.affiliationLevel),
                        s.confirmedAt))
                .toList();
    }

    /** The organiser vouches for a held signature: it is logged and counted like any other. */
    @Transactional
    public void release(String slug, String id) {
        SigningTarget letter = letters.letter(slug);
        Signature s = held(letter, id);
        s.moderation = Signature.ModerationState.RELEASED;
        s.moderatedAt = OffsetDateTime.now(clock);
        publication.publish(s, letter);
    }

    /** A held signature is refused: never counted, and the refusal is an invalidation in the log. */
    @Transactional
    public void reject(String slug, String id, String code) {
        SigningTarget letter = letters.letter(slug);
        Signature s = held(letter, id);
        s.signerId = publication.signerIdOf(s, letter);
        log.append(
                s.letterId,
                LogEntries.invalidation(letter.slug(), OffsetDateTime.now(clock).toInstant(), s.signerId, code),
                s.seq,
                null);
        s.moderation = Signature.ModerationState.REJECTED;
        s.moderatedAt = OffsetDateTime.now(clock);
        s.status = Signature.Status.WITHDRAWN;
        s.withdrawnAt = s.moderatedAt;
        s.liveKey = null;
    }

    /**
     * Counted signatures matching {@code filter} (the network as a client network, e.g. an IPv4 address or an IPv6
     * /64), at most {@code limit}; unless it is a dry run, each is invalidated with {@code code} in the log.
     * Returns how many matched and the first names (names stay visible to organisers, as in moderation).
     */
    @Transactional
    public Matched invalidate(String slug, Filter filter, String code, boolean dryRun, int limit) {
        SigningTarget letter = letters.letter(slug);
        String networkTag = filter.networkTag() != null
                ? filter.networkTag()
                : filter.network() == null ? null : signerIds.networkTag(filter.network());
        List<Signature> matched =
                signatures
                        .matching(letter.letterId(), filter.domain(), filter.from(), filter.to(), networkTag, limit)
                        .stream()
                        .filter(s -> filter.nameTag() == null
                                || signerIds
                                        .nameTag(Names.skeleton(s.nameFolded))
                                        .equals(filter.nameTag()))
                        .toList();
        if (!dryRun) {
            for (Signature s : matched) {
                signatures.findById(s.seq, LockModeType.PESSIMISTIC_WRITE);
                endings.end(s, code, Signature.ModerationState.REJECTED);
            }
        }
        return new Matched(
                matched.size(), matched.stream().limit(SAMPLE).map(s -> s.name).toList());
    }

    /** Open disputes of a letter, oldest first. */
    @Transactional
    public List<OpenDispute> disputes(String slug, int limit) {
        SigningTarget letter = letters.letter(slug);
        return disputes.openOnLetter(letter.letterId(), limit).stream()
                .map(d -> {
                    Signature s = signatures.findById(d.signatureSeq);
                    return new OpenDispute(
                            d.id.toString(),
                            s.id.toString(),
                            s.name,
                            s.organisation,
                            d.claimantOrcid,
                            d.claimantName,
                            d.openedAt,
                            d.answer,
                            d.answeredAt);
                })
                .toList();
    }

    /**
     * Decides an open dispute: upheld, the signature is withdrawn and marked as disowned (an invalidation, reason
     * disowned, in the log) and every open dispute on it is closed; dismissed, nothing changes. Returns the public id
     * of the signature it was about.
     */
    @Transactional
    public String decideDispute(String slug, String disputeId, boolean uphold, String by) {
        SigningTarget letter = letters.letter(slug);
        Dispute d = disputeOf(letter, disputeId);
        Signature s = signatures.findById(d.signatureSeq, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Dispute> closed = uphold ? disputes.openOn(s.seq) : List.of(d);
        if (uphold && s.status == Signature.Status.CONFIRMED) {
            endings.markDisowned(s);
        }
        for (Dispute each : closed) {
            each.state = uphold ? Dispute.State.UPHELD : Dispute.State.DISMISSED;
            each.decidedAt = now;
            each.decidedBy = by;
        }
        return s.id.toString();
    }

    private Dispute disputeOf(SigningTarget letter, String disputeId) {
        UUID uuid;
        try {
            uuid = UUID.fromString(disputeId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No dispute " + disputeId + ".");
        }
        Dispute d = disputes.findByIdOptional(uuid, LockModeType.PESSIMISTIC_WRITE)
                .filter(x -> x.letterId == letter.letterId())
                .orElseThrow(() ->
                        new NotFoundException("Letter '" + letter.slug() + "' has no dispute " + disputeId + "."));
        if (d.state != Dispute.State.OPEN) {
            throw new ClientErrorException("Dispute " + disputeId + " is already decided.", 409);
        }
        return d;
    }

    /** A counted signature of the letter, locked until the transaction ends; 404 or 409 otherwise. */
    @Transactional
    public Counted counted(String slug, String id) {
        Signature s = counted(letters.letter(slug), id);
        return new Counted(s.name, s.organisation, WireEnum.wire(s.affiliationLevel));
    }

    /**
     * Records an honour an organiser attests ({@code fact} as the log's evidence, e.g. "honour:turing-award:2018";
     * {@code shown} as listed, e.g. "ACM A.M. Turing Award 2018") with its signed statement.
     */
    @Transactional
    public void attestHonour(String slug, String id, String fact, String shown, Map<String, Object> what, String by) {
        SigningTarget letter = letters.letter(slug);
        Signature s = counted(letter, id);
        s.honours = s.honours == null ? shown : s.honours + "; " + shown;
        log.append(
                s.letterId,
                LogEntries.evidence(letter.slug(), OffsetDateTime.now(clock).toInstant(), s.signerId, List.of(fact)),
                s.seq,
                null);
        attestations.organiser(s, letter, "honour", what, by);
    }

    /** Raises a stated affiliation to "attested" ({@code ror}: the organisation's ROR id, if it has one). */
    @Transactional
    public void attestAffiliation(String slug, String id, String ror, Map<String, Object> what, String by) {
        SigningTarget letter = letters.letter(slug);
        Signature s = counted(letter, id);
        AffiliationLevel from = s.affiliationLevel;
        s.affiliationLevel = AffiliationLevel.ATTESTED;
        log.append(
                s.letterId,
                LogEntries.evidence(
                        letter.slug(),
                        OffsetDateTime.now(clock).toInstant(),
                        s.signerId,
                        List.of(ror == null ? "attested" : "attested:" + ror)),
                s.seq,
                from == AffiliationLevel.ATTESTED
                        ? null
                        : LogEffects.level(from.wire(), AffiliationLevel.ATTESTED.wire()));
        attestations.organiser(s, letter, "affiliation", what, by);
    }

    private Signature held(SigningTarget letter, String id) {
        Signature s = find(letter, id);
        if (s.status != Signature.Status.PENDING || !s.held()) {
            throw new ClientErrorException("Signature " + id + " is not held for moderation.", 409);
        }
        return s;
    }

    private Signature counted(SigningTarget letter, String id) {
        Signature s = find(letter, id);
        if (s.status != Signature.Status.CONFIRMED) {
            throw new ClientErrorException("Signature " + id + " is not a counted signature.", 409);
        }
        return s;
    }

    private Signature find(SigningTarget letter, String id) {
        return signatures
                .lockOnLetter(letter.letterId(), id)
                .orElseThrow(
                        () -> new NotFoundException("Letter '" + letter.slug() + "' has no signature " + id + "."));
    }
}
