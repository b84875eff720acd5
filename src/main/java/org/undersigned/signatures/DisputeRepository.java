package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    Optional<Dispute> open(long signatureSeq, String claimantOrcid) {
        return find(
                        "signatureSeq = ?1 and claimantOrcid = ?2 and state = ?3",
                        signatureSeq,
                        claimantOrcid,
                        Dispute.State.OPEN)
                .firstResultOptional();
    }

    List<Dispute> openOn(long signatureSeq) {
        return list("signatureSeq = ?1 and state = ?2", signatureSeq, Dispute.State.OPEN);
    }

    List<Dispute> openOnLetter(long letterId, int limit) {
        return find("letterId = ?1 and state = ?2 order by openedAt", letterId, Dispute.State.OPEN)
                .page(0, limit)
                .list();
    }

    long openedSince(String claimantOrcid, OffsetDateTime since) {
        return count("claimantOrcid = ?1 and openedAt > ?2", claimantOrcid, since);
    }

    void forget(long signatureSeq) {
        delete("signatureSeq", signatureSeq);
    }
}
