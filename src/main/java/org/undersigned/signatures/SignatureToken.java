package org.undersigned.signatures;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mailed link's token, stored only as its SHA-256 hash; single use. */
@Entity
@Table(name = "signature_token")
class SignatureToken {

    enum Purpose {
        CONFIRM,
        WITHDRAW,
        REAFFIRM,
        /** Adds the token's ORCID iD to an email signature, so that one person counts once. */
        ATTACH,
        /** Lets the signer answer a dispute about their signature. */
        ANSWER
    }

    @Id
    String hash;

    @Column(name = "signature_seq")
    long signatureSeq;

    @Enumerated(EnumType.STRING)
    Purpose purpose;

    /** For re-affirmation: the version being re-affirmed. */
    @Column(name = "version_number")
    Integer versionNumber;

    /** For attaching: the ORCID iD signed in when the link was mailed. */
    String orcid;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "used_at")
    OffsetDateTime usedAt;
}
