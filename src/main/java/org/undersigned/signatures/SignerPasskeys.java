package org.undersigned.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.undersigned.letters.SigningTarget;
import org.undersigned.passkeys.Owner;
import org.undersigned.passkeys.PasskeyOptions;
import org.undersigned.passkeys.Passkeys;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;

/**
 * A signer's passkeys: offered once the signature is confirmed, used later to sign in and manage that one signature
 * (SignerSignatures). The creation options are written into the page that offers them: their challenge, bound to the
 * signature, is what lets the browser's answer add a passkey to it, so no other grant is needed.
 */
@ApplicationScoped
class SignerPasskeys {

    /** How long the confirmation page's offer stays good: time to read it and find one's phone. */
    static final Duration OFFER = Duration.ofMinutes(15);

    private static final String KIND = new Owner.Signer(0).kind();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Passkeys passkeys;
    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Tokens tokens;
    private final SignerIds ids;
    private final SignerSessions sessions;

    SignerPasskeys(
            Passkeys passkeys,
            SignatureRepository signatures,
            SignableLetters letters,
            Tokens tokens,
            SignerIds ids,
            SignerSessions sessions) {
        this.passkeys = passkeys;
        this.signatures = signatures;
        this.letters = letters;
        this.tokens = tokens;
        this.ids = ids;
        this.sessions = sessions;
    }

    /** The offer on the page that a confirmation link's use leads to. */
    @Transactional
    Optional<PasskeyOffer> afterConfirmation(String confirmToken) {
        SignatureToken t =
                tokens.find(confirmToken, SignatureToken.Purpose.CONFIRM).token();
        return t == null ? Optional.empty() : offer(signatures.findById(t.signatureSeq));
    }

    /** The offer to a signer signed in with a passkey already, for another device. */
    @Transactional
    Optional<PasskeyOffer> forSignature(long seq) {
        return offer(signatures.findById(seq));
    }

    private Optional<PasskeyOffer> offer(Signature s) {
        Owner owner = new Owner.Signer(s.seq);
        if (!live(s) || passkeys.of(owner).size() >= Passkeys.MOST) {
            return Optional.empty();
        }
        String title = letters.of(s).map(SigningTarget::title).orElse("");
        PasskeyOptions.Creation options =
                passkeys.creation(owner, ids.passkeyUserHandle(s.id), title + " — " + s.name, s.name, OFFER);
        return Optional.of(new PasskeyOffer("/signers/passkeys/new/" + s.id, scriptSafe(options)));
    }

    /**
     * Adds the passkey the browser created for signature {@code signatureId}: Passkeys checks that its challenge was
     * issued for this very signature, so knowing a signature's public id is not enough.
     */
    @Transactional
    void register(String signatureId, String response) {
        Signature s = signatures
                .findByPublicId(signatureId)
                .filter(SignerPasskeys::live)
                .orElseThrow(() -> new LocalProblem(400, ErrorMessages::passkeyExpired));
        passkeys.register(response, new Owner.Signer(s.seq), ids.passkeyUserHandle(s.id));
    }

    /** Options to sign in with a signer's passkey. */
    PasskeyOptions.Request request() {
        return passkeys.request(KIND);
    }

    /** Checks the browser's answer and opens a session for the signature its passkey belongs to: the cookie's value. */
    @Transactional
    String signIn(String response) {
        Owner.Signer owner = (Owner.Signer) passkeys.authenticate(response, KIND);
        return sessions.open(owner.signatureSeq());
    }

    /** Confirmed (counted or held) and not ended: a signature a passkey may be added to. */
    private static boolean live(Signature s) {
        return s != null
                && s.name != null
                && (s.status == Signature.Status.CONFIRMED || (s.status == Signature.Status.PENDING && s.held()));
    }

    /** JSON that cannot end its script element nor start markup in it (no {@code <}, {@code >} or {@code &}). */
    static String scriptSafe(Object value) {
        try {
            return JSON.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
