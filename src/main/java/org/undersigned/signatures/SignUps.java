package org.undersigned.signatures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Outbox;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Organisations;
import org.undersigned.web.InvalidInput;

/**
 * Signing by email: a sign-up is pending until its owner confirms through a mailed link; one live signature per
 * person per letter, so signing again re-sends the link instead of counting twice (docs/ARCHITECTURE.md#signing).
 * Mails are queued in the same transaction (outbox) and sent later, never inside it.
 */
@ApplicationScoped
public class SignUps {

    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Tokens tokens;
    private final SignerIds signerIds;
    private final Outbox outbox;
    private final SignatureMails mails;
    private final Organisations organisations;
    private final SignIntake intake;
    private final Duration confirmTtl;
    private final Counter received;

    SignUps(
            SignatureRepository signatures,
            SignableLetters letters,
            Tokens tokens,
            SignerIds signerIds,
            Outbox outbox,
            SignatureMails mails,
            Organisations organisations,
            SignIntake intake,
            SignaturesConfig config,
            MeterRegistry registry) {
        this.signatures = signatures;
        this.letters = letters;
        this.tokens = tokens;
        this.signerIds = signerIds;
        this.outbox = outbox;
        this.mails = mails;
        this.organisations = organisations;
        this.intake = intake;
        this.confirmTtl = config.confirmTtl();
        this.received = registry.counter("undersigned.signatures.received");
    }

    public long confirmHours() {
        return confirmTtl.toHours();
    }

    /**
     * A sign-up: a first one (the usual case) is stored by the batched writer; a repeat, or anything the writer hands
     * back, takes the general path in its own transaction.
     */
    public Receipt sign(String slug, SignRequest request, String network) {
        SigningTarget letter = letters.openLetter(slug);
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
        s.listing = Listing.of(request.listing());
        s.notify = Boolean.TRUE.equals(request.notifyMe());
        s.identityMethod = IdentityMethod.EMAIL;
        s.affiliationLevel = s.organisation == null ? AffiliationLevel.NONE : AffiliationLevel.SELF;
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
        d.affiliationLevel = AffiliationLevel.NONE;
        d.versionNumber = original.versionNumber;
        d.textSha256 = original.textSha256;
        d.createdAt = tokens.now();
        signatures.persist(d);
        return d;
    }
}
