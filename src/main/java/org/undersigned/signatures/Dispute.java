package org.undersigned.signatures;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * "I did not sign this" from someone whose ORCID record shows the listed name but who is not the iD behind the
 * signature: not proof, so organisers decide; the signer may answer. Never public.
 */
@Entity
@Table(name = "dispute")
class Dispute {

    enum State {
        OPEN,
        /** The organisers ended the signature as disowned. */
        UPHELD,
        DISMISSED
    }

    @Id
    UUID id;

    @Column(name = "letter_id")
    long letterId;

    @Column(name = "signature_seq")
    long signatureSeq;

    @Column(name = "claimant_orcid")
    String claimantOrcid;

    @Column(name = "claimant_name")
    String claimantName;

    @Column(name = "opened_at")
    OffsetDateTime openedAt;

    @Enumerated(EnumType.STRING)
    State state;

    String answer;

    @Column(name = "answered_at")
    OffsetDateTime answeredAt;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    String decidedBy;
}
