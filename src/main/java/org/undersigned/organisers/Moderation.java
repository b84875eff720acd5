package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Names;
import org.undersigned.verification.Organisations;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.InvalidInput;

/**
 * What organisers decide about signatures (docs/ARCHITECTURE.md#organisers): releasing or rejecting held ones,
 * invalidating in bulk, and attesting honours and affiliations. This class checks what was asked; the signatures
 * feature carries it out and logs every change to what counts.
 */
@ApplicationScoped
public class Moderation {

    /** How many signatures matched, and how many were invalidated (none on a dry run). */
    /** A bulk invalidation's outcome: how many matched, how many were invalidated (none in a dry run), a sample of names. */
    public record Bulk(int matched, int invalidated, List<String> sample) {}

    static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    static final int BULK_LIMIT = 10_000;

    private final SignatureDecisions decisions;
    private final Honours honours;
    private final Organisations organisations;
    private final ClientNetwork network;

    Moderation(SignatureDecisions decisions, Honours honours, Organisations organisations, ClientNetwork network) {
        this.decisions = decisions;
        this.honours = honours;
        this.organisations = organisations;
        this.network = network;
    }

    List<SignatureDecisions.Held> queue(String slug, int limit) {
        return decisions.held(slug, Math.max(1, Math.min(limit, 500)));
    }

    /** The organiser vouches for a held signature: it is logged and counted like any other. */
    void release(String slug, String id) {
        decisions.release(slug, id);
    }

    List<SignatureDecisions.OpenDispute> disputes(String slug, int limit) {
        return decisions.disputes(slug, Math.max(1, Math.min(limit, 500)));
    }

    /** Upholds ("uphold": the signature ends as disowned) or dismisses ("dismiss") a dispute; the signature's id. */
    String decideDispute(String slug, String disputeId, String decision, String by) {
        return switch (decision) {
            case "uphold" -> decisions.decideDispute(slug, disputeId, true, by);
            case "dismiss" -> decisions.decideDispute(slug, disputeId, false, by);
            default -> throw new InvalidInput(Map.of("decision", "Decide 'uphold' or 'dismiss'."));
        };
    }

    /** A held signature is refused: never counted, and the refusal is an invalidation in the log. */
    void reject(String slug, String id, String reason) {
        String code = reason == null || reason.isBlank() ? "impersonation" : reason.strip();
        if (!REASON.matcher(code).matches()) {
            throw new InvalidInput(
                    Map.of("reason", "A reason code is 2 to 40 of a-z, 0-9 and '-', e.g. impersonation."));
        }
        decisions.reject(slug, id, code);
    }

    /**
     * Invalidates counted signatures in bulk (by email domain, confirmation time window, client network), each with
     * an {@code invalidation} entry carrying the reason code in the log. At most 10,000 per call; a dry run only
     * counts.
     */
    Bulk invalidate(String slug, SignatureDecisions.Filter filter, String reason, boolean dryRun) {
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
        String net = null;
        if (filter.network() != null && !filter.network().isBlank()) {
            net = network.ofAddress(filter.network().strip());
            if ("unknown".equals(net)) {
                problems.put(
                        "network", "Give an IPv4 or IPv6 address; its network (IPv4 address, IPv6 /64) is matched.");
                net = null;
            }
        }
        String networkTag = tag(filter.networkTag(), "networkTag", problems);
        String nameTag = tag(filter.nameTag(), "nameTag", problems);
        if (domain == null
                && filter.from() == null
                && filter.to() == null
                && net == null
                && networkTag == null
                && nameTag == null) {
            problems.put(
                    "filter",
                    "Give at least one of domain, from, to, network, networkTag and nameTag: a bulk invalidation never "
                            + "covers a whole letter.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        SignatureDecisions.Matched matched = decisions.invalidate(
                slug,
                new SignatureDecisions.Filter(domain, filter.from(), filter.to(), net, networkTag, nameTag),
                code,
                dryRun,
                BULK_LIMIT);
        return new Bulk(matched.count(), dryRun ? 0 : matched.count(), matched.sample());
    }

    /** A bulk invalidation in the audit trail's words: the reason, how many, the filters as given. */
    static String describe(String reason, Bulk done, SignatureDecisions.Filter f) {
        return reason + ": " + done.invalidated() + " signatures (domain " + f.domain() + ", from " + f.from() + ", to "
                + f.to() + ", network " + f.network() + ", network tag " + f.networkTag() + ", name tag " + f.nameTag()
                + ")";
    }

    /** A network or name tag as the fraud signals show it (32 hex digits), or null when not given. */
    private static String tag(String given, String field, Map<String, String> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String tag = given.strip().toLowerCase(Locale.ROOT);
        if (!tag.matches("[0-9a-f]{32}")) {
            problems.put(field, "Give the tag as the fraud signals show it: 32 hexadecimal digits.");
            return null;
        }
        return tag;
    }

    /** Attests that the signer holds an honour of honours.yaml (e.g. the Turing Award of 2018). */
    @Transactional
    void attestHonour(String slug, String id, String honourId, int year, String by) {
        SignatureDecisions.Counted s = decisions.counted(slug, id);
        Honours.Honour honour = honours.byId(honourId)
                .orElseThrow(() -> new InvalidInput(
                        Map.of("honour", "Unknown honour '" + honourId + "'; GET /api/honours lists them.")));
        boolean laureate = honour.laureates().stream()
                .anyMatch(l -> l.year() == year && Names.key(l.name()).equals(Names.key(s.name())));
        if (!laureate) {
            throw new InvalidInput(Map.of(
                    "year",
                    s.name() + " is not listed as a laureate of " + honour.name() + " in " + year
                            + " (content/honours.yaml)."));
        }
        decisions.attestHonour(
                slug,
                id,
                "honour:" + honour.id() + ":" + year,
                honour.name() + " " + year,
                Map.of("honour", honour.name(), "honourId", honour.id(), "year", year),
                by);
    }

    /** Attests the signer's affiliation with a known organisation: the strongest level, "attested". */
    @Transactional
    void attestAffiliation(String slug, String id, String organisation, String by) {
        SignatureDecisions.Counted s = decisions.counted(slug, id);
        Organisations.Organisation o = organisations
                .named(organisation)
                .orElseThrow(() -> new InvalidInput(Map.of(
                        "organisation",
                        "Unknown organisation '" + organisation + "'; GET /api/organisations lists them.")));
        if (s.organisation() == null || !o.name().equals(s.organisation())) {
            throw new InvalidInput(Map.of(
                    "organisation",
                    "The signer stated '" + s.organisation() + "', not " + o.name()
                            + ": only a stated affiliation can be attested."));
        }
        decisions.attestAffiliation(
                slug,
                id,
                o.ror(),
                o.ror() == null
                        ? Map.of("attestedOrganisation", o.name())
                        : Map.of("attestedOrganisation", o.name(), "ror", o.ror()),
                by);
    }
}
