package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Organisations;

/**
 * What a signer's own word does to a signature: confirming it (the affiliation an address proves, the impersonation
 * guard, then publication), re-affirming it for a newer version, and attaching an ORCID iD or a proven mailbox to it
 * (docs/ARCHITECTURE.md#signing).
 */
@ApplicationScoped
class Affirmations {

    private final SignableLetters letters;
    private final Tokens tokens;
    private final Organisations organisations;
    private final Honours honours;
    private final Publication publication;
    private final TransparencyLog log;
    private final SignatureAttestations attestations;

    Affirmations(
            SignableLetters letters,
            Tokens tokens,
            Organisations organisations,
            Honours honours,
            Publication publication,
            TransparencyLog log,
            SignatureAttestations attestations) {
        this.attestations = attestations;
        this.letters = letters;
        this.tokens = tokens;
        this.organisations = organisations;
        this.honours = honours;
        this.publication = publication;
        this.log = log;
    }

    /**
     * Confirms a pending signature: a signature entry goes to the letter's log (counted when it is sequenced, a
     * moment later) and a receipt with a withdrawal link is queued. A name on the watch list is held instead, for
     * an organiser to release or reject (the impersonation guard), unless the signature carries an ORCID iD named
     * for that person.
     */
    void confirm(Signature s) {
        confirm(s, s.orcid);
    }

    /** As {@link #confirm(Signature)}, {@code orcid} (or null) being the iD proven with it, e.g. by a join link. */
    void confirm(Signature s, String orcid) {
        SigningTarget letter = letters.of(s).orElseThrow();
        s.confirmedAt = tokens.now();
        String domain = s.email.substring(s.email.indexOf('@') + 1);
        s.affiliationLevel = organisations
                .named(s.organisation)
                .map(o -> Organisations.owns(o, domain) ? AffiliationLevel.EMAIL_DOMAIN : AffiliationLevel.SELF)
                .orElse(s.organisation == null ? AffiliationLevel.NONE : AffiliationLevel.SELF);
        Optional<String> watched = honours.watched(s.name, orcid);
        if (watched.isPresent()) {
            s.moderation = Signature.ModerationState.HELD;
            s.heldAs = watched.get();
            return;
        }
        publication.publish(s, letter);
    }

    /** Moves a confirmed signature to {@code version}, with a reaffirmation entry in the log. */
    void reaffirm(Signature s, int version) {
        SigningTarget letter = letters.of(s).orElseThrow();
        String hash = letters.textSha256(letter.slug(), version).orElseThrow();
        log.append(
                s.letterId,
                LogEntries.reaffirmation(
                        letter.slug(), version, hash, tokens.now().toInstant(), s.signerId),
                s.seq,
                LogEffects.move(s.versionNumber, version));
        s.versionNumber = version;
        s.textSha256 = hash;
    }

    /**
     * Attaches an ORCID iD to a counted email signature, proven by a link mailed to its address after a sign-in with
     * that iD: the signature keeps its signer id, name, listing and identity method, so the person still counts
     * once, and the log records the new proof as evidence under that signer id (no count effect).
     */
    void attachOrcid(Signature s, String orcid) {
        SigningTarget letter = letters.of(s).orElseThrow();
        s.orcid = orcid;
        log.append(
                s.letterId,
                LogEntries.evidence(letter.slug(), tokens.now().toInstant(), s.signerId, List.of("orcid")),
                s.seq,
                null);
        attestations.orcidAttached(s, letter);
    }

    /**
     * Adds a mailbox, proven by a link mailed to it, to a counted ORCID signature: the log records it as evidence
     * under the signature's signer id (no count effect); the address is kept for mail unless one was given already.
     */
    void attachEmail(Signature s, String address) {
        SigningTarget letter = letters.of(s).orElseThrow();
        if (s.email == null) {
            s.email = address;
        }
        log.append(
                s.letterId,
                LogEntries.evidence(letter.slug(), tokens.now().toInstant(), s.signerId, List.of("email")),
                s.seq,
                null);
        attestations.emailAttached(s, letter, address);
    }
}
