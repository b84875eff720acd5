package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.letters.SigningTarget;
import org.undersigned.passkeys.Owner;
import org.undersigned.passkeys.Passkeys;
import org.undersigned.web.WireEnum;

/**
 * What a signer signed in with a passkey may do with their signature: see it, withdraw it, erase it, and start or
 * stop news of responses. Withdrawing and erasing are the mailed withdrawal link's own code (Endings.withdraw), so the
 * log and the count cannot tell the two apart.
 */
@ApplicationScoped
class SignerSignatures {

    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Endings endings;
    private final Passkeys passkeys;

    SignerSignatures(SignatureRepository signatures, SignableLetters letters, Endings endings, Passkeys passkeys) {
        this.signatures = signatures;
        this.letters = letters;
        this.endings = endings;
        this.passkeys = passkeys;
    }

    @Transactional
    MySignature view(long seq) {
        Signature s = signatures.findById(seq);
        SigningTarget letter = letters.of(s).orElseThrow(NotFoundException::new);
        return new MySignature(
                letter.slug(),
                letter.title(),
                s.name,
                WireEnum.wire(s.listing),
                status(s),
                s.erasedAt != null,
                s.notify,
                newsPossible(s),
                passkeys.of(new Owner.Signer(seq)).size());
    }

    /** Withdraws, and with {@code erase} erases (which ends every session of the signature); what the page says. */
    @Transactional
    LinkView withdraw(long seq, boolean erase) {
        Signature s = signatures.findById(seq, LockModeType.PESSIMISTIC_WRITE);
        SigningTarget letter = letters.of(s).orElseThrow(NotFoundException::new);
        endings.withdraw(s, erase);
        return new LinkView(
                Tokens.State.VALID,
                letter.slug(),
                letter.title(),
                s.name,
                WireEnum.wire(s.listing),
                s.versionNumber,
                s.held());
    }

    /** News of responses on or off, as the sign-up's "notify me" box and the unsubscribe link set it. */
    @Transactional
    void news(long seq, boolean on) {
        Signature s = signatures.findById(seq, LockModeType.PESSIMISTIC_WRITE);
        if (newsPossible(s)) {
            s.notify = on;
        }
    }

    /** News goes to live signatures with an address (an ORCID signature may have none). */
    private static boolean newsPossible(Signature s) {
        return s.email != null && s.status != Signature.Status.WITHDRAWN;
    }

    private static String status(Signature s) {
        if (s.status == Signature.Status.WITHDRAWN) {
            return "withdrawn";
        }
        if (s.held()) {
            return "held";
        }
        return s.status == Signature.Status.CONFIRMED ? "counted" : "pending";
    }
}
