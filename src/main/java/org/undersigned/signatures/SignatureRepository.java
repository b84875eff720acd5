package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.verification.IdentityMethod;

@ApplicationScoped
class SignatureRepository implements PanacheRepository<Signature> {

    /** The live signature of a mailbox key or {@code orcid:<iD>} on a letter. */
    Optional<Signature> findLive(long letterId, String liveKey) {
        return find("letterId = ?1 and liveKey = ?2", letterId, liveKey).firstResultOptional();
    }

    /** A live signature that an ORCID iD was attached to (signed by email, then proven with ORCID). */
    Optional<Signature> findLiveByOrcid(long letterId, String orcid) {
        return find("letterId = ?1 and orcid = ?2 and liveKey is not null", letterId, orcid)
                .firstResultOptional();
    }

    /** Live public signers per letter and organisation, for the one-off ListedOrganisations backfill. */
    List<Object[]> listedOrganisations() {
        return getEntityManager()
                .createQuery(
                        "select letterId, organisation, count(*) from Signature where status = ?1 and liveKey is not null"
                                + " and listing = ?2 and organisation is not null group by letterId, organisation",
                        Object[].class)
                .setParameter(1, Signature.Status.CONFIRMED)
                .setParameter(2, Listing.PUBLIC)
                .getResultList();
    }

    /** Letters with live email signatures, for giving earlier signatures their mailbox key (MailboxKeys). */
    List<Long> lettersWithLiveEmail() {
        return getEntityManager()
                .createQuery(
                        "select distinct letterId from Signature where liveKey is not null and identityMethod = ?1",
                        Long.class)
                .setParameter(1, IdentityMethod.EMAIL)
                .getResultList();
    }

    /** A letter's live email signatures in signing order, as far as keying needs them. */
    List<MailboxKeys.Live> liveEmail(long letterId) {
        return find(
                        "letterId = ?1 and liveKey is not null and identityMethod = ?2 order by seq",
                        letterId,
                        IdentityMethod.EMAIL)
                .project(MailboxKeys.Live.class)
                .list();
    }

    Optional<Signature> findByPublicId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** By the public id as a client sent it: empty when it is not even a UUID. */
    Optional<Signature> findByPublicId(String id) {
        return publicId(id).flatMap(this::findByPublicId);
    }

    /** A signature of letter {@code letterId} by its public id, locked for an update. */
    Optional<Signature> lockOnLetter(long letterId, String id) {
        return findByPublicId(id)
                .filter(s -> s.letterId == letterId)
                .map(s -> findById(s.seq, LockModeType.PESSIMISTIC_WRITE));
    }

    static Optional<UUID> publicId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * Public, confirmed signatures in signing order after {@code afterSeq}; {@code folded} filters by name. Status
     * and listing are literals, not parameters, so that every plan of the search may use the name index, which
     * holds only public, confirmed signatures (V12).
     */
    List<Signature> listed(long letterId, long afterSeq, String folded, int limit) {
        String query = "letterId = ?1 and status = org.undersigned.signatures.Signature.Status.CONFIRMED"
                + " and listing = org.undersigned.signatures.Listing.PUBLIC and seq > ?2";
        if (folded == null) {
            return find(query + " order by seq", letterId, afterSeq)
                    .page(0, limit)
                    .list();
        }
        return find(query + " and nameFolded like ?3 escape '\\' order by seq", letterId, afterSeq, contains(folded))
                .page(0, limit)
                .list();
    }

    /**
     * Sign-ups nobody confirmed (and repeat placeholders), made before {@code cutoff}, that no link can still act on
     * and for which no link was sent since: at most {@code limit}, locked. Held signatures (confirmed, awaiting an
     * organiser) are not among them.
     */
    @SuppressWarnings("unchecked")
    List<Long> abandoned(OffsetDateTime cutoff, OffsetDateTime now, int limit) {
        return ((List<Number>) getEntityManager()
                        .createNativeQuery("SELECT s.seq FROM signature s "
                                + "WHERE s.status IN ('PENDING', 'DUPLICATE') AND s.moderation IS NULL AND s.created_at < ?1 "
                                + "AND NOT EXISTS (SELECT 1 FROM signature_token t WHERE t.signature_seq = s.seq "
                                + "AND (t.expires_at IS NULL OR t.expires_at > ?2 OR t.created_at >= ?1)) "
                                + "ORDER BY s.seq FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE")
                        .setParameter(1, cutoff)
                        .setParameter(2, now)
                        .getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** Deletes those sign-ups with their (expired) links: nothing of them was logged or counted. */
    void deleteAbandoned(List<Long> seqs) {
        getEntityManager()
                .createNativeQuery("DELETE FROM signature_token WHERE signature_seq IN (?1)")
                .setParameter(1, seqs)
                .executeUpdate();
        getEntityManager()
                .createNativeQuery("DELETE FROM signature WHERE seq IN (?1)")
                .setParameter(1, seqs)
                .executeUpdate();
    }

    /** Confirmed signers who asked for news and still have an address, in seq order after {@code afterSeq}. */
    List<Signature> subscribed(long letterId, long afterSeq, int limit) {
        return find(
                        "letterId = ?1 and status = ?2 and notify = true and email is not null and seq > ?3 order by seq",
                        letterId,
                        Signature.Status.CONFIRMED,
                        afterSeq)
                .page(0, limit)
                .list();
    }

    /**
     * Counted signatures matching every given filter (null = any): email domain (or a subdomain), confirmed in
     * [from, to), network tag. Oldest first, at most {@code limit}.
     */
    List<Signature> matching(
            long letterId, String domain, OffsetDateTime from, OffsetDateTime to, String networkTag, int limit) {
        StringBuilder q = new StringBuilder("letterId = :letter and status = :status");
        Map<String, Object> p = new HashMap<>(Map.of("letter", letterId, "status", Signature.Status.CONFIRMED));
        if (domain != null) {
            q.append(" and (email like :at or email like :sub)");
            p.put("at", "%@" + domain);
            p.put("sub", "%." + domain);
        }
        if (from != null) {
            q.append(" and confirmedAt >= :from");
            p.put("from", from);
        }
        if (to != null) {
            q.append(" and confirmedAt < :to");
            p.put("to", to);
        }
        if (networkTag != null) {
            q.append(" and networkTag = :network");
            p.put("network", networkTag);
        }
        return find(q + " order by seq", p).page(0, limit).list();
    }

    /** Signatures held by the impersonation guard, oldest first. */
    List<Signature> held(long letterId, int limit) {
        return find(
                        "letterId = ?1 and status = ?2 and moderation = ?3 order by seq",
                        letterId,
                        Signature.Status.PENDING,
                        Signature.ModerationState.HELD)
                .page(0, limit)
                .list();
    }

    List<Signature> recent(long letterId, int limit) {
        return find(
                        "letterId = ?1 and status = ?2 and listing = ?3 order by seq desc",
                        letterId,
                        Signature.Status.CONFIRMED,
                        Listing.PUBLIC)
                .page(0, limit)
                .list();
    }

    /** Confirmed signatures made on an older version, for a re-affirmation campaign, in batches. */
    List<Signature> confirmedBefore(long letterId, int version, long afterSeq, int limit) {
        return find(
                        "letterId = ?1 and status = ?2 and versionNumber < ?3 and seq > ?4 order by seq",
                        letterId,
                        Signature.Status.CONFIRMED,
                        version,
                        afterSeq)
                .page(0, limit)
                .list();
    }

    /**
     * Counted signatures, public and private, in signing order after {@code afterSeq}, for organisers; {@code folded}
     * filters by name as the public search does (private names are outside its trigram index, so a search may read
     * more of the letter's rows, but never returns more than {@code limit}).
     */
    List<Signature> counted(long letterId, long afterSeq, String folded, int limit) {
        String query = "letterId = ?1 and status = org.undersigned.signatures.Signature.Status.CONFIRMED and seq > ?2";
        if (folded == null) {
            return find(query + " order by seq", letterId, afterSeq)
                    .page(0, limit)
                    .list();
        }
        return find(query + " and nameFolded like ?3 escape '\\' order by seq", letterId, afterSeq, contains(folded))
                .page(0, limit)
                .list();
    }

    /** A LIKE pattern for a substring, its wildcards escaped. */
    static String contains(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Counted signatures that carry a comment, newest confirmation first (the sequence breaks ties), after the
     * keyset position ({@code beforeAt}, {@code beforeSeq}), or from the newest when {@code beforeAt} is null.
     */
    List<Signature> commented(long letterId, OffsetDateTime beforeAt, long beforeSeq, int limit) {
        String query = "letterId = ?1 and status = org.undersigned.signatures.Signature.Status.CONFIRMED"
                + " and comment is not null";
        String order = " order by confirmedAt desc, seq desc";
        if (beforeAt == null) {
            return find(query + order, letterId).page(0, limit).list();
        }
        return find(
                        query + " and (confirmedAt < ?2 or (confirmedAt = ?2 and seq < ?3))" + order,
                        letterId,
                        beforeAt,
                        beforeSeq)
                .page(0, limit)
                .list();
    }
}
