package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.undersigned.passkeys.Owner;
import org.undersigned.passkeys.Passkeys;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;

/**
 * How a signature ends: withdrawn by its signer, disowned by the person named, invalidated by an organiser, and
 * erased (docs/ARCHITECTURE.md#signing). A counted signature leaves the count only through an entry in the log.
 */
@ApplicationScoped
class Endings {

    private final SignableLetters letters;
    private final TransparencyLog log;
    private final Tokens tokens;
    private final SignatureAttestations attestations;
    private final DisputeRepository disputes;
    private final SignatoryCsv csv;
    private final SignatorySnapshots snapshots;
    private final Passkeys passkeys;
    private final SignerSessions sessions;

    Endings(
            SignableLetters letters,
            TransparencyLog log,
            Tokens tokens,
            SignatureAttestations attestations,
            DisputeRepository disputes,
            SignatoryCsv csv,
            SignatorySnapshots snapshots,
            Passkeys passkeys,
            SignerSessions sessions) {
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.disputes = disputes;
        this.letters = letters;
        this.log = log;
        this.tokens = tokens;
        this.attestations = attestations;
        this.csv = csv;
        this.snapshots = snapshots;
    }

    /**
     * Ends a signature (the person may sign again): a counted one leaves the count through a log entry, a withdrawal
     * or, with {@code invalidation} (a reason code), an invalidation; {@code mark} says why, when others ended it.
     */
    void end(Signature s, String invalidation, Signature.ModerationState mark) {
        if (s.status == Signature.Status.CONFIRMED) {
            String slug = letters.of(s).orElseThrow().slug();
            Instant now = tokens.now().toInstant();
            log.append(
                    s.letterId,
                    invalidation == null
                            ? LogEntries.withdrawal(slug, now, s.signerId)
                            : LogEntries.invalidation(slug, now, s.signerId, invalidation),
                    s.seq,
                    LogEffects.liveness(s, -1));
        }
        s.status = Signature.Status.WITHDRAWN;
        s.liveKey = null;
        s.withdrawnAt = tokens.now();
        if (mark != null) {
            s.moderation = mark;
            s.moderatedAt = s.withdrawnAt;
        }
    }

    /**
     * The signer withdraws (a mailed link, ORCID, a passkey: all the same way), and with {@code erase} is erased. A
     * signature withdrawn before may still be erased.
     */
    void withdraw(Signature s, boolean erase) {
        if (s.status == Signature.Status.CONFIRMED || s.status == Signature.Status.PENDING) {
            end(s, null, null);
        }
        if (erase && s.erasedAt == null) {
            erase(s);
        }
    }

    /** Withdraws a counted signature as not made by the person named, with an invalidation in the log. */
    void markDisowned(Signature s) {
        end(s, "disowned", Signature.ModerationState.DISOWNED);
        purgeLists(s.letterId); // a name used without its owner's consent leaves the lists at once, not within a minute
    }

    /**
     * Deletes what identifies a withdrawn signer: name, email, ORCID iD, affiliation, honours, comment, the salt
     * that tied their listed name to their entry, the statements issued about them, disputes about the signature, its
     * passkeys and their sessions (a passkey names the signature it opens). The log keeps only its pseudonymous
     * entries, which still verify. No copy of the signatory list or snapshot made before is served again.
     */
    void erase(Signature s) {
        purgeLists(s.letterId);
        s.email = null;
        s.name = null;
        s.nameFolded = null;
        s.heldAs = null;
        s.orcid = null;
        s.organisation = null;
        s.role = null;
        s.honours = null;
        s.comment = null;
        s.listingSalt = null;
        s.erasedAt = s.withdrawnAt;
        attestations.forget(s);
        disputes.forget(s.seq); // they name the signature and hold the claimant's iD and the signer's answer
        passkeys.forget(new Owner.Signer(s.seq));
        sessions.endAll(s.seq);
    }

    /** The CSV copies and the snapshot made before now are never served again (in the caller's transaction). */
    private void purgeLists(long letterId) {
        csv.purge(letterId);
        snapshots.purge(letterId);
    }
}
