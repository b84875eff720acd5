package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.EmailAddress;
import org.undersigned.web.WireEnum;

/**
 * What the mailed links do: confirm, withdraw (and erase), re-affirm, disown, attach an ORCID iD, and send a fresh
 * confirmation link.
 * A link shows a page on GET and acts once on POST (docs/ARCHITECTURE.md#signing).
 */
@ApplicationScoped
public class MailedLinks {

    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Tokens tokens;
    private final Affirmations affirmations;
    private final Endings endings;
    private final LinkMails linkMails;
    private final Joins joins;

    MailedLinks(
            SignatureRepository signatures,
            SignableLetters letters,
            Tokens tokens,
            Affirmations affirmations,
            Endings endings,
            LinkMails linkMails,
            Joins joins) {
        this.joins = joins;
        this.signatures = signatures;
        this.letters = letters;
        this.tokens = tokens;
        this.affirmations = affirmations;
        this.endings = endings;
        this.linkMails = linkMails;
    }

    @Transactional
    public LinkView inspect(String token, SignatureToken.Purpose purpose) {
        Tokens.Found found = tokens.find(token, purpose);
        if (found.token() == null) {
            return new LinkView(found.state(), null, null, null, null, null, false);
        }
        Signature s = signatures.findById(found.token().signatureSeq);
        Tokens.State state = found.state();
        if (state == Tokens.State.VALID && !actionable(s, found.token())) {
            state = Tokens.State.USED;
        }
        SigningTarget letter = letters.of(s).orElseThrow(NotFoundException::new);
        return new LinkView(
                state,
                letter.slug(),
                letter.title(),
                s.name,
                WireEnum.wire(s.listing),
                found.token().versionNumber,
                s.held());
    }

    private boolean actionable(Signature s, SignatureToken t) {
        return switch (t.purpose) {
            case CONFIRM -> s.status == Signature.Status.PENDING;
            case WITHDRAW -> s.status == Signature.Status.CONFIRMED || s.status == Signature.Status.PENDING;
            case REAFFIRM -> s.status == Signature.Status.CONFIRMED && s.versionNumber < t.versionNumber;
            // never onto a held signature, nor onto one that carries an iD already
            case ATTACH ->
                (s.status == Signature.Status.CONFIRMED || s.status == Signature.Status.PENDING)
                        && !s.held()
                        && s.orcid == null;
            case ANSWER -> s.status == Signature.Status.CONFIRMED;
        };
    }

    /** Confirms a pending signature: counted once its entry is sequenced, or held by the impersonation guard. */
    @Transactional
    public LinkView confirm(String token) {
        return use(token, SignatureToken.Purpose.CONFIRM, (s, t) -> affirmations.confirm(s));
    }

    /** Sends a fresh confirmation link when an old one expired; true when one was queued. */
    @Transactional
    public boolean resendConfirmation(String oldToken) {
        Tokens.Found found = tokens.find(oldToken, SignatureToken.Purpose.CONFIRM);
        if (found.token() == null) {
            return false;
        }
        Signature s = signatures.findById(found.token().signatureSeq);
        if (s.status != Signature.Status.PENDING || s.held()) {
            return false;
        }
        linkMails.confirmation(s, letters.of(s).orElseThrow());
        return true;
    }

    /** Whether this service issued the token for that purpose (whatever its state now): junk is everything else. */
    @Transactional
    public boolean issued(String token, SignatureToken.Purpose purpose) {
        return tokens.find(token, purpose).state() != Tokens.State.UNKNOWN;
    }

    /** The address a link was sent to, for rate limiting resends; empty when unknown. */
    @Transactional
    public Optional<String> emailBehind(String token, SignatureToken.Purpose purpose) {
        Tokens.Found found = tokens.find(token, purpose);
        return found.token() == null
                ? Optional.empty()
                : Optional.ofNullable(signatures.findById(found.token().signatureSeq).email);
    }

    /** Withdraws a signature: the count drops at once; with {@code erase}, name, email and affiliation are deleted. */
    @Transactional
    public LinkView withdraw(String token, boolean erase) {
        return use(token, SignatureToken.Purpose.WITHDRAW, (s, t) -> endings.withdraw(s, erase));
    }

    /**
     * "I did not sign this", proven by the address behind the signature (a link mailed to it): the signature is
     * withdrawn, marked as disowned, and the log records an invalidation (reason "disowned").
     */
    @Transactional
    public LinkView disown(String token) {
        return use(token, SignatureToken.Purpose.WITHDRAW, (s, t) -> endings.markDisowned(s));
    }

    /** Mails a disown link to {@code email} if, and only if, it is the address behind a counted signature. */
    @Transactional
    public void requestDisown(String slug, String signatureId, String email) {
        SigningTarget letter = letters.letter(slug);
        Optional<EmailAddress> address = EmailAddress.parse(email);
        signatures
                .findByPublicId(signatureId)
                .filter(s -> s.letterId == letter.letterId())
                .filter(s -> s.status == Signature.Status.CONFIRMED && s.email != null)
                .filter(s -> address.isPresent()
                        && (address.get().mailbox().equals(s.liveKey)
                                || address.get().value().equalsIgnoreCase(s.email)))
                .ifPresent(s -> linkMails.disown(s, letter));
    }

    /**
     * Asked for from the letter page (the first mail may never have arrived, or been given up): a fresh confirmation
     * link to the address a sign-up from this mailbox gave, if, and only if, one is waiting for confirmation.
     */
    @Transactional
    public void requestConfirmation(SigningTarget letter, EmailAddress email) {
        signatures
                .findLive(letter.letterId(), email.mailbox())
                .filter(s -> s.status == Signature.Status.PENDING && !s.held() && s.email != null)
                .ifPresent(s -> linkMails.confirmation(s, letter));
    }

    /** Moves a confirmed signature to the newer version named by the token. */
    @Transactional
    public LinkView reaffirm(String token) {
        return use(token, SignatureToken.Purpose.REAFFIRM, (s, t) -> affirmations.reaffirm(s, t.versionNumber));
    }

    /**
     * Joins the email signature the link was mailed for and the ORCID signature of the iD it carries (the link was
     * sent after a sign-in with that iD gave this mailbox): the first of the two stays and the person counts once
     * (Joins). A pending email signature is confirmed by it, as its confirmation link would.
     */
    @Transactional
    public LinkView attach(String token) {
        return use(token, SignatureToken.Purpose.ATTACH, (s, t) -> joins.join(s, t.orcid));
    }

    /**
     * A confirmation link followed by someone signed in with ORCID who chose to join: the link proves the mailbox,
     * the sign-in the iD. With a live ORCID signature of that iD on the letter, the address is added to it and the
     * email sign-up is dropped before it was ever counted; otherwise the email signature is confirmed with the iD.
     */
    @Transactional
    public LinkView join(String token, String orcid) {
        return use(token, SignatureToken.Purpose.CONFIRM, (s, t) -> joins.join(s, orcid));
    }

    /**
     * Runs a link's action exactly once: the token is claimed by a conditional update (a second click, or a
     * concurrent one, finds it used) and the signature row is locked, so two links of one signature cannot both act.
     */
    private LinkView use(String token, SignatureToken.Purpose purpose, BiConsumer<Signature, SignatureToken> action) {
        LinkView view = inspect(token, purpose);
        if (!view.valid()) {
            return view;
        }
        SignatureToken t = tokens.find(token, purpose).token();
        if (!tokens.claim(t)) {
            return inspect(token, purpose);
        }
        Signature s = signatures.findById(t.signatureSeq, LockModeType.PESSIMISTIC_WRITE);
        if (!actionable(s, t)) {
            return new LinkView(
                    Tokens.State.USED,
                    view.letterSlug(),
                    view.letterTitle(),
                    s.name,
                    WireEnum.wire(s.listing),
                    t.versionNumber,
                    s.held());
        }
        action.accept(s, t);
        return new LinkView(
                view.state(),
                view.letterSlug(),
                view.letterTitle(),
                s.name,
                WireEnum.wire(s.listing),
                view.version(),
                s.held());
    }
}
