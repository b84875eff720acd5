package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.ShapedMail;
import org.undersigned.verification.IdentityMethod;

/**
 * A mailed link is issued and queued together: its token is stored (hashed) and the mail that alone carries it goes
 * to the outbox in the caller's transaction, so both exist if and only if the change commits.
 */
@ApplicationScoped
class LinkMails {

    /** A confirmation prepared for the group commit: the token's hash, its expiry, and the mail holding the token. */
    record Prepared(String tokenHash, OffsetDateTime expiresAt, ShapedMail mail) {}

    private final Tokens tokens;
    private final SignatureMails mails;
    private final Outbox outbox;
    private final Duration confirmTtl;

    LinkMails(Tokens tokens, SignatureMails mails, Outbox outbox, SignaturesConfig config) {
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.confirmTtl = config.confirmTtl();
    }

    /** How long a confirmation link works, in hours, for the page that says a mail is on its way. */
    long confirmHours() {
        return confirmTtl.toHours();
    }

    /** A confirmation for a sign-up not stored yet ({@code s.createdAt} set): the writer stores token and mail. */
    Prepared prepareConfirmation(Signature s, SigningTarget letter) {
        String token = Tokens.newToken();
        return new Prepared(
                Tokens.hash(token), s.createdAt.plus(confirmTtl), mails.confirmShaped(s, letter, token, confirmTtl));
    }

    void confirmation(Signature s, SigningTarget letter) {
        String token = tokens.issue(s, SignatureToken.Purpose.CONFIRM, null, confirmTtl);
        outbox.enqueue(mails.confirm(s, letter, token, confirmTtl));
    }

    /** To a counted signer who signed again: nothing changed, and here is the withdrawal link. */
    void alreadySigned(Signature live, SigningTarget letter) {
        String withdraw = tokens.issue(live, SignatureToken.Purpose.WITHDRAW, null, null);
        outbox.enqueue(mails.alreadySigned(live, letter, withdraw));
    }

    /** The receipt of a counted signature, with its withdrawal link (an ORCID signer withdraws through ORCID). */
    void receipt(Signature s, SigningTarget letter) {
        if (s.identityMethod == IdentityMethod.ORCID && s.email != null) {
            // an address given with ORCID was never confirmed: its receipt carries no withdrawal link (ORCID does)
            outbox.enqueue(mails.receipt(s, letter, null));
        } else if (s.email != null) {
            outbox.enqueue(mails.receipt(s, letter, tokens.issue(s, SignatureToken.Purpose.WITHDRAW, null, null)));
        }
    }

    /** "I did not sign this": a link to the address behind the signature, valid as long as a confirmation link. */
    void disown(Signature s, SigningTarget letter) {
        outbox.enqueue(mails.disown(s, letter, tokens.issue(s, SignatureToken.Purpose.WITHDRAW, null, confirmTtl)));
    }

    /** Asks a signer of an older version to re-affirm for {@code version}. */
    void reaffirm(Signature s, SigningTarget letter, int version) {
        String token = tokens.issue(s, SignatureToken.Purpose.REAFFIRM, version, null);
        outbox.enqueue(mails.reaffirm(s, letter, version, token));
    }

    /**
     * To the address of a live email signature after a sign-in with ORCID gave that mailbox: a link that joins the two
     * signatures, so the person counts once. Valid as long as a confirmation link.
     */
    void attach(Signature s, SigningTarget letter, String orcid) {
        String token = tokens.issue(s, SignatureToken.Purpose.ATTACH, null, confirmTtl, orcid);
        outbox.enqueue(mails.attach(s, letter, orcid, token, confirmTtl));
    }

    /** To the address behind a disputed signature: someone says they did not sign; a link to answer. */
    void dispute(Signature s, SigningTarget letter, String claimant, String token) {
        outbox.enqueue(mails.dispute(s, letter, claimant, token));
    }
}
