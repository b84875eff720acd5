package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Comparator;
import java.util.Optional;

/**
 * One person across identities (docs/ARCHITECTURE.md#signing): an email signature whose mailbox a link just proved,
 * and the ORCID signature of an iD its holder signed in with, become one. The signature made first stays, with its
 * signer id, name and listing; the other proof becomes an evidence entry under that signer id, and the other
 * signature ends (an invalidation, reason duplicate-person, when it was counted), so the count drops by one.
 */
@ApplicationScoped
class Joins {

    private final SignatureRepository signatures;
    private final Affirmations affirmations;
    private final Endings endings;

    Joins(SignatureRepository signatures, Affirmations affirmations, Endings endings) {
        this.signatures = signatures;
        this.affirmations = affirmations;
        this.endings = endings;
    }

    /** {@code email} is locked and live (pending or confirmed) and carries no iD yet. */
    void join(Signature email, String orcid) {
        Optional<Signature> own = signatures
                .findLive(email.letterId, "orcid:" + orcid)
                .or(() -> signatures.findLiveByOrcid(email.letterId, orcid)) // attached to another address before
                .map(o -> signatures.findById(o.seq, LockModeType.PESSIMISTIC_WRITE));
        if (own.isPresent() && first(own.get(), email)) {
            endings.end(email, "duplicate-person", null);
            affirmations.attachEmail(own.get(), email.email);
            return;
        }
        if (email.status == Signature.Status.PENDING) {
            affirmations.confirm(email, orcid);
        }
        if (!email.held()) { // a held signature is not in the log yet: nothing to attach evidence to
            own.ifPresent(o -> endings.end(o, "duplicate-person", null));
            affirmations.attachOrcid(email, orcid);
        }
    }

    /** Whether the ORCID signature came first: counted while the email one is not yet, or confirmed earlier. */
    private static boolean first(Signature own, Signature email) {
        if (own.held()) {
            return false;
        }
        if (email.status == Signature.Status.PENDING) {
            return true;
        }
        Comparator<Signature> order =
                Comparator.comparing((Signature s) -> s.confirmedAt).thenComparingLong(s -> s.seq);
        return order.compare(own, email) < 0;
    }
}
