package org.undersigned.signatures;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.IdentityMethod;

/** One person's signature on one letter. Personal fields are nulled on erasure; the row stays for the counts. */
@Entity
@Table(name = "signature")
class Signature {

    enum Status {
        PENDING,
        CONFIRMED,
        WITHDRAWN,
        /** A repeat sign-up by someone already signed: kept only so the answer looks like any other. */
        DUPLICATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    UUID id;

    @Column(name = "letter_id")
    long letterId;

    @Enumerated(EnumType.STRING)
    Status status;

    @Column(name = "live_key")
    String liveKey;

    String email;
    String name;

    @Column(name = "name_folded")
    String nameFolded;

    String organisation;
    String role;
    String comment;

    @Convert(converter = WireConverters.ListingColumn.class)
    Listing listing;

    boolean notify;

    @Column(name = "identity_method")
    @Convert(converter = WireConverters.Identity.class)
    IdentityMethod identityMethod;

    @Column(name = "affiliation_level")
    @Convert(converter = WireConverters.Affiliation.class)
    AffiliationLevel affiliationLevel;

    @Column(name = "version_number")
    int versionNumber;

    @Column(name = "text_sha256")
    String textSha256;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    OffsetDateTime confirmedAt;

    @Column(name = "withdrawn_at")
    OffsetDateTime withdrawnAt;

    @Column(name = "erased_at")
    OffsetDateTime erasedAt;

    /** Salt of the public record the log's listing commitment covers; deleted on erasure. */
    @Column(name = "listing_salt")
    String listingSalt;

    /** The pseudonymous id under which the log records this signer. */
    @Column(name = "signer_id")
    String signerId;

    /** Hex SHA-256 leaf hash of the signature's log entry (RFC 9162 §2.1.1): what attestations are about. */
    @Column(name = "leaf_hash")
    String leafHash;

    /** Keyed hash of the client network the sign-up came from (see SignerIds.networkTag), for bulk invalidation. */
    @Column(name = "network_tag")
    String networkTag;

    /** The language tag of the request the signature was made in: its mails are written in it (null: the default). */
    String language;

    /** The ORCID iD of a signer who signed with ORCID (identity method "orcid"). */
    String orcid;

    /** Honours attested by an organiser, e.g. "ACM A.M. Turing Award 2018", shown with the name. */
    String honours;

    @Enumerated(EnumType.STRING)
    ModerationState moderation;

    /** The watched name a held signature matched. */
    @Column(name = "held_as")
    String heldAs;

    @Column(name = "moderated_at")
    OffsetDateTime moderatedAt;

    enum ModerationState {
        /** Confirmed, but the name is watched: not logged, counted or listed until an organiser decides. */
        HELD,
        RELEASED,
        /** Rejected by an organiser: an invalidation in the log. */
        REJECTED,
        /** The named person proved they did not sign: withdrawn and marked. */
        DISOWNED
    }

    boolean held() {
        return moderation == ModerationState.HELD;
    }

    boolean isPublic() {
        return listing == Listing.PUBLIC;
    }
}
