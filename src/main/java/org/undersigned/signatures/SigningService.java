package org.undersigned.signatures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Outbox;
import org.undersigned.transparency.LogEntries;
import org.undersigned.transparency.TransparencyLog;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Organisations;
import org.undersigned.web.InvalidInput;

/**
 * Signing by email: a signature is pending until its owner confirms through a mailed link; one live signature per
 * person per letter; withdrawal (with optional erasure) and re-affirmation through mailed links as well. Mails are
 * queued in the same transaction (outbox) and sent later, never inside it.
 */
@ApplicationScoped
public class SigningService {

    /** The public answer to a sign-up; the same whether or not the address had already signed. */
    public record Receipt(String id, String status) {}

    /** What a mailed link leads to, for its page. */
    public record LinkView(
            Tokens.State state,
            String letterSlug,
            String letterTitle,
            String name,
            String listing,
            Integer version,
            boolean held) {

        public boolean valid() {
            return state == Tokens.State.VALID;
        }

        public boolean expired() {
            return state == Tokens.State.EXPIRED;
        }

        public boolean used() {
            return state == Tokens.State.USED;
        }
    }

    private final SignatureRepository signatures;
    private final Tokens tokens;
    private final TransparencyLog log;
    private final SignerIds signerIds;
    private final LetterService letters;
    private final Outbox outbox;
    private final SignatureMails mails;
    private final Duration confirmTtl;
    private final Organisations organisations;
    private final Honours honours;
    private final SignatureAttestations attestations;
    private final SignIntake intake;
    private final Counter received;
    private final Counter confirmed;

    SigningService(
            SignatureRepository signatures,
            Tokens tokens,
            TransparencyLog log,
            SignerIds signerIds,
            LetterService letters,
            Outbox outbox,
            SignatureMails mails,
            @ConfigProperty(name = "undersigned.signatures.confirm-ttl") Duration confirmTtl,
            MeterRegistry registry,
            Organisations organisations,
            Honours honours,
            SignatureAttestations attestations,
            SignIntake intake) {
        this.intake = intake;
        this.organisations = organisations;
        this.honours = honours;
        this.attestations = attestations;
        this.signatures = signatures;
        this.tokens = tokens;
        this.log = log;
        this.signerIds = signerIds;
        this.letters = letters;
        this.outbox = outbox;
        this.mails = mails;
        this.confirmTtl = confirmTtl;
        this.received = registry.counter("undersigned.signatures.received");
        this.confirmed = registry.counter("undersigned.signatures.confirmed");
    }

    public long confirmHours() {
        return confirmTtl.toHours();
    }

    /** A published letter (open or closed), or 404. */
    public SigningTarget letter(String slug) {
        return letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
    }

    /** The letter to sign, or 404/409 with a message a person can act on. */
    public SigningTarget openLetter(String slug) {
        SigningTarget target = letter(slug);
        String closed = target.closedReason(LocalDate.now(ZoneOffset.UTC));
        if (closed != null) {
            throw new ClientErrorException(closed, 409);
        }
        return target;
    }

    /**
     * A sign-up: a first one (the usual case) is stored by the batched writer; a repeat, or anything the writer hands
     * back, takes the general path in its own transaction.
     */
    public Receipt sign(String slug, SignRequest request, String network) {
        SigningTarget letter = openLetter(slug);
        Map<String, String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        EmailAddress email = EmailAddress.parse(request.email()).orElseThrow();
        Signature s = new Signature();
        fill(s, letter, request, email, network);
        s.id = UUID.randomUUID();
        s.createdAt = tokens.now();
        String token = Tokens.newToken();
        if (intake.write(
                s, Tokens.hash(token), s.createdAt.plus(confirmTtl), mails.confirm(s, letter, token, confirmTtl))) {
            received.increment();
            return new Receipt(s.id.toString(), "pending-email");
        }
        return signAgain(letter, request, email, network);
    }

    @Transactional
    Receipt signAgain(SigningTarget letter, SignRequest request, EmailAddress email, String network) {
        Optional<Signature> live = signatures.findLive(letter.letterId(), email.value());
        if (live.isPresent() && live.get().status == Signature.Status.CONFIRMED) {
            String withdraw = tokens.issue(live.get(), SignatureToken.Purpose.WITHDRAW, null, null);
            outbox.enqueue(mails.alreadySigned(live.get(), letter, withdraw));
            return new Receipt(duplicate(live.get()).id.toString(), "pending-email");
        }
        Signature s = live.orElseGet(Signature::new);
        fill(s, letter, request, email, network);
        if (s.seq == null) {
            s.id = UUID.randomUUID();
            s.createdAt = tokens.now();
            signatures.persist(s);
        }
        String token = tokens.issue(s, SignatureToken.Purpose.CONFIRM, null, confirmTtl);
        outbox.enqueue(mails.confirm(s, letter, token, confirmTtl));
        received.increment();
        return new Receipt(s.id.toString(), "pending-email");
    }

    /** A pending signature as the sign-up describes it. */
    private void fill(Signature s, SigningTarget letter, SignRequest request, EmailAddress email, String network) {
        s.letterId = letter.letterId();
        s.status = Signature.Status.PENDING;
        s.liveKey = email.value();
        s.email = email.value();
        s.name = SignRequest.clean(request.name());
        s.nameFolded = SignRequest.fold(s.name);
        s.organisation = SignRequest.clean(request.organisation());
        organisations.named(s.organisation).ifPresent(o -> s.organisation = o.name());
        s.moderation = null;
        s.heldAs = null;
        s.role = SignRequest.clean(request.role());
        s.comment = SignRequest.clean(request.comment());
        s.listing = request.listing();
        s.notify = Boolean.TRUE.equals(request.notifyMe());
        s.identityMethod = "email";
        s.affiliationLevel = s.organisation == null ? "none" : "self";
        s.versionNumber = letter.version();
        s.textSha256 = letter.textSha256();
        s.networkTag = network == null ? null : signerIds.networkTag(network);
    }

    /** A placeholder row that answers like a pending signature, so a sign-up never reveals who has signed. */
    private Signature duplicate(Signature original) {
        Signature d = new Signature();
        d.id = UUID.randomUUID();
        d.letterId = original.letterId;
        d.status = Signature.Status.DUPLICATE;
        d.listing = original.listing;
        d.identityMethod = original.identityMethod;
        d.affiliationLevel = "none";
        d.versionNumber = original.versionNumber;
        d.textSha256 = original.textSha256;
        d.createdAt = tokens.now();
        signatures.persist(d);
        return d;
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
        SigningTarget letter = letters.signingTarget(s.letterId).orElseThrow(NotFoundException::new);
        return new LinkView(
                state, letter.slug(), letter.title(), s.name, s.listing, found.token().versionNumber, s.held());
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
     * an organiser to release or reject (the impersonation guard, DESIGN §5).
     */
    @Transactional
    public LinkView confirm(String token) {
        return use(token, SignatureToken.Purpose.CONFIRM, (s, t) -> {
            SigningTarget letter = letters.signingTarget(s.letterId).orElseThrow();
            s.confirmedAt = tokens.now();
            String domain = s.email.substring(s.email.indexOf('@') + 1);
            s.affiliationLevel = organisations
                    .named(s.organisation)
                    .map(o -> Organisations.owns(o, domain) ? "email-domain" : "self")
                    .orElse(s.organisation == null ? "none" : "self");
            Optional<String> watched = honours.watched(s.name);
            if (watched.isPresent()) {
                s.moderation = Signature.Moderation.HELD;
                s.heldAs = watched.get();
                return;
            }
            publish(s, letter);
        });
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
        if ("orcid".equals(s.identityMethod) && s.email != null) {
            // an address given with ORCID was never confirmed: its receipt carries no withdrawal link (ORCID does)
            outbox.enqueue(mails.receipt(s, letter, null));
        } else if (s.email != null) {
            outbox.enqueue(mails.receipt(s, letter, tokens.issue(s, SignatureToken.Purpose.WITHDRAW, null, null)));
        }
    }

    String signerIdOf(Signature s, SigningTarget letter) {
        return signerIds.signerId(letter.slug(), identity(s));
    }

    /** Who the signer is, for the log's pseudonymous id: the method and the normalised address or iD. */
    static String identity(Signature s) {
        return "orcid".equals(s.identityMethod) ? "orcid:" + s.orcid : s.identityMethod + ":" + s.email;
    }

    /**
     * What the signature entry says was verified: the identity method and, if one was given, the affiliation level,
     * with the organisation's ROR id when the level proves it ("email-domain:ror.org/042nb2s44").
     */
    List<String> evidence(Signature s) {
        if ("none".equals(s.affiliationLevel)) {
            return List.of(s.identityMethod);
        }
        String ror = "self".equals(s.affiliationLevel)
                ? null
                : organisations
                        .named(s.organisation)
                        .map(Organisations.Organisation::ror)
                        .orElse(null);
        return List.of(s.identityMethod, ror == null ? s.affiliationLevel : s.affiliationLevel + ":" + ror);
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
        SigningTarget letter = letters.signingTarget(s.letterId).orElseThrow();
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
            end(s, null, null);
            if (erase) {
                erase(s);
            }
        });
    }

    /**
     * Deletes what identifies a withdrawn signer: name, email, ORCID iD, affiliation, honours, comment, the salt
     * that tied their listed name to their entry, and the statements issued about them. The log keeps only its
     * pseudonymous entries, which still verify.
     */
    void erase(Signature s) {
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
    }

    /**
     * "I did not sign this", proven by the address behind the signature (a link mailed to it): the signature is
     * withdrawn, marked as disowned, and the log records an invalidation (reason "disowned").
     */
    @Transactional
    public LinkView disown(String token) {
        return use(token, SignatureToken.Purpose.WITHDRAW, (s, t) -> markDisowned(s));
    }

    /** Mails a disown link to {@code email} if, and only if, it is the address behind a counted signature. */
    @Transactional
    public void requestDisown(String slug, String signatureId, String email) {
        SigningTarget letter = letter(slug);
        Optional<EmailAddress> address = EmailAddress.parse(email);
        signatures
                .findByPublicId(signatureId)
                .filter(s -> s.letterId == letter.letterId())
                .filter(s -> s.status == Signature.Status.CONFIRMED && s.email != null)
                .filter(s -> address.isPresent() && address.get().value().equals(s.email))
                .ifPresent(s -> outbox.enqueue(
                        mails.disown(s, letter, tokens.issue(s, SignatureToken.Purpose.WITHDRAW, null, confirmTtl))));
    }

    /** Withdraws a counted signature as not made by the person named, with an invalidation in the log. */
    void markDisowned(Signature s) {
        end(s, "disowned", Signature.Moderation.DISOWNED);
    }

    /**
     * Ends a signature (the person may sign again): a counted one leaves the count through a log entry, a withdrawal
     * or, with {@code invalidation} (a reason code), an invalidation; {@code mark} says why, when others ended it.
     */
    void end(Signature s, String invalidation, Signature.Moderation mark) {
        if (s.status == Signature.Status.CONFIRMED) {
            String slug = letters.signingTarget(s.letterId).orElseThrow().slug();
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

    /** Moves a confirmed signature to the newer version named by the token. */
    @Transactional
    public LinkView reaffirm(String token) {
        return use(token, SignatureToken.Purpose.REAFFIRM, (s, t) -> {
            SigningTarget letter = letters.signingTarget(s.letterId).orElseThrow();
            String hash = letters.version(letter.slug(), t.versionNumber)
                    .orElseThrow()
                    .textSha256();
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
                    s.listing,
                    t.versionNumber,
                    s.held());
        }
        action.accept(s, t);
        return new LinkView(
                view.state(), view.letterSlug(), view.letterTitle(), s.name, s.listing, view.version(), s.held());
    }
}
