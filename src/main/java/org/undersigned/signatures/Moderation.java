package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Names;
import org.undersigned.verification.Organisations;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.InvalidInput;

/**
 * What organisers decide about signatures (DESIGN §5, §10): releasing or rejecting held ones, and attesting honours
 * and affiliations. Every decision that changes what counts goes into the letter's log.
 */
@ApplicationScoped
public class Moderation {

    /** A held signature as organisers see it in the moderation queue (never public). */
    public record Held(
            String id,
            String name,
            String organisation,
            String role,
            String heldAs,
            String affiliation,
            OffsetDateTime confirmedAt) {}

    static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    static final int BULK_LIMIT = 10_000;

    /** Which counted signatures a bulk invalidation covers; every given filter must match (null = any). */
    public record Filter(String domain, OffsetDateTime from, OffsetDateTime to, String network) {}

    /** How many signatures matched, and how many were invalidated (none on a dry run). */
    public record Bulk(int matched, int invalidated) {}

    private final Clock clock;
    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Publication publication;
    private final Endings endings;
    private final TransparencyLog log;
    private final Honours honours;
    private final Organisations organisations;
    private final SignatureAttestations attestations;
    private final SignerIds signerIds;
    private final ClientNetwork network;

    Moderation(
            Clock clock,
            SignatureRepository signatures,
            SignableLetters letters,
            Publication publication,
            Endings endings,
            TransparencyLog log,
            Honours honours,
            Organisations organisations,
            SignatureAttestations attestations,
            SignerIds signerIds,
            ClientNetwork network) {
        this.clock = clock;
        this.signerIds = signerIds;
        this.network = network;
        this.signatures = signatures;
        this.letters = letters;
        this.publication = publication;
        this.endings = endings;
        this.log = log;
        this.honours = honours;
        this.organisations = organisations;
        this.attestations = attestations;
    }

    @Transactional
    public List<Held> queue(String slug, int limit) {
        SigningTarget letter = letters.letter(slug);
        return signatures.held(letter.letterId(), Math.max(1, Math.min(limit, 500))).stream()
                .map(s -> new Held(
                        s.id.toString(), s.name, s.organisation, s.role, s.heldAs, s.affiliationLevel, s.confirmedAt))
                .toList();
    }

    /** The organiser vouches for a held signature: it is logged and counted like any other. */
    @Transactional
    public void release(String slug, String id) {
        SigningTarget letter = letters.letter(slug);
        Signature s = held(letter, id);
        s.moderation = Signature.Moderation.RELEASED;
        s.moderatedAt = OffsetDateTime.now(clock);
        publication.publish(s, letter);
    }

    /** A held signature is refused: never counted, and the refusal is an invalidation in the log. */
    @Transactional
    public void reject(String slug, String id, String reason) {
        String code = reason == null || reason.isBlank() ? "impersonation" : reason.strip();
        if (!REASON.matcher(code).matches()) {
            throw new InvalidInput(
                    Map.of("reason", "A reason code is 2 to 40 of a-z, 0-9 and '-', e.g. impersonation."));
        }
        SigningTarget letter = letters.letter(slug);
        Signature s = held(letter, id);
        s.signerId = publication.signerIdOf(s, letter);
        log.append(
                s.letterId,
                LogEntries.invalidation(letter.slug(), OffsetDateTime.now(clock).toInstant(), s.signerId, code),
                s.seq,
                null);
        s.moderation = Signature.Moderation.REJECTED;
        s.moderatedAt = OffsetDateTime.now(clock);
        s.status = Signature.Status.WITHDRAWN;
        s.withdrawnAt = s.moderatedAt;
        s.liveKey = null;
    }

    /**
     * Invalidates counted signatures in bulk (by email domain, confirmation time window, client network), each with
     * an {@code invalidation} entry carrying the reason code in the log. At most 10,000 per call; a dry run only
     * counts.
     */
    @Transactional
    public Bulk invalidate(String slug, Filter filter, String reason, boolean dryRun) {
        String code = reason == null ? "" : reason.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!REASON.matcher(code).matches()) {
            problems.put("reason", "A reason code is 2 to 40 of a-z, 0-9 and '-', e.g. spam or fraud.");
        }
        String domain = filter.domain() == null || filter.domain().isBlank()
                ? null
                : filter.domain().strip().toLowerCase(Locale.ROOT);
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            problems.put("domain", "Give a domain name such as example.org.");
        }
        String networkTag = null;
        if (filter.network() != null && !filter.network().isBlank()) {
            String net = network.ofAddress(filter.network().strip());
            if ("unknown".equals(net)) {
                problems.put(
                        "network", "Give an IPv4 or IPv6 address; its network (IPv4 address, IPv6 /64) is matched.");
            } else {
                networkTag = signerIds.networkTag(net);
            }
        }
        if (domain == null && filter.from() == null && filter.to() == null && networkTag == null) {
            problems.put(
                    "filter",
                    "Give at least one of domain, from, to and network: a bulk invalidation never "
                            + "covers a whole letter.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        SigningTarget letter = letters.letter(slug);
        List<Signature> matched =
                signatures.matching(letter.letterId(), domain, filter.from(), filter.to(), networkTag, BULK_LIMIT);
        if (dryRun) {
            return new Bulk(matched.size(), 0);
        }
        for (Signature s : matched) {
            signatures.findById(s.seq, LockModeType.PESSIMISTIC_WRITE);
            endings.end(s, code, Signature.Moderation.REJECTED);
        }
        return new Bulk(matched.size(), matched.size());
    }

    /** Attests that the signer holds an honour of honours.yaml (e.g. the Turing Award of 2018). */
    @Transactional
    public void attestHonour(String slug, String id, String honourId, int year, String by) {
        SigningTarget letter = letters.letter(slug);
        Signature s = counted(letter, id);
        Honours.Honour honour = honours.byId(honourId)
                .orElseThrow(() -> new InvalidInput(
                        Map.of("honour", "Unknown honour '" + honourId + "'; GET /api/honours lists them.")));
        boolean laureate = honour.laureates().stream()
                .anyMatch(l -> l.year() == year && Names.key(l.name()).equals(Names.key(s.name)));
        if (!laureate) {
            throw new InvalidInput(Map.of(
                    "year",
                    s.name + " is not listed as a laureate of " + honour.name() + " in " + year
                            + " (content/honours.yaml)."));
        }
        String fact = "honour:" + honour.id() + ":" + year;
        s.honours = s.honours == null ? honour.name() + " " + year : s.honours + "; " + honour.name() + " " + year;
        log.append(
                s.letterId,
                LogEntries.evidence(letter.slug(), OffsetDateTime.now(clock).toInstant(), s.signerId, List.of(fact)),
                s.seq,
                null);
        attestations.organiser(
                s, letter, "honour", Map.of("honour", honour.name(), "honourId", honour.id(), "year", year), by);
    }

    /** Attests the signer's affiliation with a known organisation: the strongest level, "attested". */
    @Transactional
    public void attestAffiliation(String slug, String id, String organisation, String by) {
        SigningTarget letter = letters.letter(slug);
        Signature s = counted(letter, id);
        Organisations.Organisation o = organisations
                .named(organisation)
                .orElseThrow(() -> new InvalidInput(Map.of(
                        "organisation",
                        "Unknown organisation '" + organisation + "'; GET /api/organisations lists them.")));
        if (s.organisation == null || !o.name().equals(s.organisation)) {
            throw new InvalidInput(Map.of(
                    "organisation",
                    "The signer stated '" + s.organisation + "', not " + o.name()
                            + ": only a stated affiliation can be attested."));
        }
        String from = s.affiliationLevel;
        s.affiliationLevel = "attested";
        log.append(
                s.letterId,
                LogEntries.evidence(
                        letter.slug(),
                        OffsetDateTime.now(clock).toInstant(),
                        s.signerId,
                        List.of(o.ror() == null ? "attested" : "attested:" + o.ror())),
                s.seq,
                from.equals("attested") ? null : LogEffects.level(from, "attested"));
        attestations.organiser(
                s,
                letter,
                "affiliation",
                o.ror() == null
                        ? Map.of("attestedOrganisation", o.name())
                        : Map.of("attestedOrganisation", o.name(), "ror", o.ror()),
                by);
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
