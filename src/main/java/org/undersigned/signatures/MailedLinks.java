package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Outbox;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Organisations;
import org.undersigned.web.WireEnum;

/**
 * What the mailed links do: confirm, withdraw (and erase), re-affirm, disown, and send a fresh confirmation link.
 * A link shows a page on GET and acts once on POST (docs/ARCHITECTURE.md#signing).
 */
@ApplicationScoped
public class MailedLinks {

    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Tokens tokens;
    private final Publication publication;
    private final Endings endings;
    private final TransparencyLog log;
    private final Outbox outbox;
    private final SignatureMails mails;
    private final Organisations organisations;
    private final Honours honours;
    private final Duration confirmTtl;

    MailedLinks(
            SignatureRepository signatures,
            SignableLetters letters,
            Tokens tokens,
            Publication publication,
            Endings endings,
            TransparencyLog log,
            Outbox outbox,
            SignatureMails mails,
            Organisations organisations,
            Honours honours,
            SignaturesConfig config) {
        this.signatures = signatures;
        this.letters = letters;
        this.tokens = tokens;
        this.publication = publication;
        this.endings = endings;
        this.log = log;
        this.outbox = outbox;
        this.mails = mails;
        this.organisations = organisations;
        this.honours = honours;
        this.confirmTtl = config.confirmTtl();
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

    private static boolean actionable(Signature s, SignatureToken t) {
        return switch (t.purpose) {
            case CONFIRM -> s.status == Signature.Status.PENDING;
            case WITHDRAW -> s.status == Signature.Status.CONFIRMED || s.status == Signature.Status.PENDING;
            case REAFFIRM -> s.status == Signature.Status.CONFIRMED && s.versionNumber < t.versionNumber;
        };
    }

    /**
     * Confirms a pending signature: a signature entry goes to the letter's log (counted when it is sequenced, a
     * moment later) and a receipt with a withdrawal link is queued. A name on the watch list is held instead, for
     * an organiser to release or reject (the impersonation guard, docs/ARCHITECTURE.md#signing).
     */
    @Transactional
    public LinkView confirm(String token) {
        return use(token, SignatureToken.Purpose.CONFIRM, (s, t) -> {
            SigningTarget letter = letters.of(s).orElseThrow();
            s.confirmedAt = tokens.now();
            String domain = s.email.substring(s.email.indexOf('@') + 1);
            s.affiliationLevel = organisations
                    .named(s.organisation)
                    .map(o -> Organisations.owns(o, domain) ? AffiliationLevel.EMAIL_DOMAIN : AffiliationLevel.SELF)
                    .orElse(s.organisation == null ? AffiliationLevel.NONE : AffiliationLevel.SELF);
            Optional<String> watched = honours.watched(s.name);
            if (watched.isPresent()) {
                s.moderation = Signature.ModerationState.HELD;
                s.heldAs = watched.get();
                return;
            }
            publication.publish(s, letter);
        });
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
        SigningTarget letter = letters.of(s).orElseThrow();
        outbox.enqueue(mails.confirm(
                s, letter, tokens.issue(s, SignatureToken.Purpose.CONFIRM, null, confirmTtl), confirmTtl));
        return true;
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
        return use(token, SignatureToken.Purpose.WITHDRAW, (s, t) -> {
            endings.end(s, null, null);
            if (erase) {
                endings.erase(s);
            }
        });
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
                .filter(s -> address.isPresent() && address.get().value().equals(s.email))
                .ifPresent(s -> outbox.enqueue(
                        mails.disown(s, letter, tokens.issue(s, SignatureToken.Purpose.WITHDRAW, null, confirmTtl))));
    }

    /** Moves a confirmed signature to the newer version named by the token. */
    @Transactional
    public LinkView reaffirm(String token) {
        return use(token, SignatureToken.Purpose.REAFFIRM, (s, t) -> {
            SigningTarget letter = letters.of(s).orElseThrow();
            String hash = letters.textSha256(letter.slug(), t.versionNumber).orElseThrow();
            log.append(
                    s.letterId,
                    LogEntries.reaffirmation(
                            letter.slug(), t.versionNumber, hash, tokens.now().toInstant(), s.signerId),
                    s.seq,
                    LogEffects.move(s.versionNumber, t.versionNumber));
            s.versionNumber = t.versionNumber;
            s.textSha256 = hash;
        });
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
