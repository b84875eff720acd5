package org.undersigned.signatures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Organisations;

/**
 * Publication of a confirmed signature to the letter's log: its pseudonymous signer id, what was verified, the
 * listing commitment of a public signer, the signed attestations and the receipt mail
 * (docs/ARCHITECTURE.md#the-log).
 */
@ApplicationScoped
class Publication {

    private final TransparencyLog log;
    private final SignerIds signerIds;
    private final Organisations organisations;
    private final SignatureAttestations attestations;
    private final LinkMails linkMails;
    private final Counter confirmed;

    Publication(
            TransparencyLog log,
            SignerIds signerIds,
            Organisations organisations,
            SignatureAttestations attestations,
            LinkMails linkMails,
            MeterRegistry registry) {
        this.log = log;
        this.signerIds = signerIds;
        this.organisations = organisations;
        this.attestations = attestations;
        this.linkMails = linkMails;
        this.confirmed = registry.counter("undersigned.signatures.confirmed");
    }

    /**
     * Puts a confirmed signature into the letter's log (it counts once sequenced), records what was verified as
     * signed attestations, and mails the receipt with its withdrawal link.
     */
    void publish(Signature s, SigningTarget letter) {
        s.status = Signature.Status.CONFIRMED;
        s.signerId = signerIdOf(s, letter);
        String listing = null;
        if (s.isPublic()) {
            s.listingSalt = signerIds.newSalt();
            listing = SignerIds.commitment(SignerIds.listingRecord(s));
        }
        s.leafHash = log.append(
                s.letterId,
                LogEntries.signature(
                        letter.slug(),
                        s.versionNumber,
                        s.textSha256,
                        s.confirmedAt.toInstant(),
                        s.signerId,
                        evidence(s),
                        listing),
                s.seq,
                LogEffects.liveness(s, 1));
        attestations.published(s, letter);
        confirmed.increment();
        linkMails.receipt(s, letter);
    }

    String signerIdOf(Signature s, SigningTarget letter) {
        return signerIds.signerId(letter.slug(), identity(s));
    }

    /**
     * Who the signer is, for the log's pseudonymous id: the method and the mailbox key or iD. A live signature's
     * {@code liveKey} is that key (for signatures made before mailbox keys, the address as it was normalised then).
     */
    static String identity(Signature s) {
        return s.identityMethod == IdentityMethod.ORCID
                ? "orcid:" + s.orcid
                : s.identityMethod.wire() + ":" + s.liveKey;
    }

    /**
     * What the signature entry says was verified: the identity method and, if one was given, the affiliation level,
     * with the organisation's ROR id when the level proves it ("email-domain:ror.org/042nb2s44").
     */
    List<String> evidence(Signature s) {
        if (s.affiliationLevel == AffiliationLevel.NONE) {
            return List.of(s.identityMethod.wire());
        }
        String ror = s.affiliationLevel == AffiliationLevel.SELF
                ? null
                : organisations
                        .named(s.organisation)
                        .map(Organisations.Organisation::ror)
                        .orElse(null);
        String level = s.affiliationLevel.wire();
        return List.of(s.identityMethod.wire(), ror == null ? level : level + ":" + ror);
    }
}
