package org.undersigned.signatures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.EmailAddress;

/**
 * Signing by email: a sign-up is pending until its owner confirms through a mailed link; one live signature per
 * person per letter, so signing again re-sends the link instead of counting twice (docs/ARCHITECTURE.md#signing).
 * Mails are queued in the same transaction (outbox) and sent later, never inside it.
 */
@ApplicationScoped
public class SignUps {

    private final SignatureRepository signatures;
    private final Tokens tokens;
    private final SignUpRows rows;
    private final SignIntake intake;
    private final LinkMails linkMails;
    private final Counter received;

    SignUps(
            SignatureRepository signatures,
            Tokens tokens,
            SignUpRows rows,
            SignIntake intake,
            LinkMails linkMails,
            MeterRegistry registry) {
        this.signatures = signatures;
        this.tokens = tokens;
        this.rows = rows;
        this.intake = intake;
        this.linkMails = linkMails;
        this.received = registry.counter("undersigned.signatures.received");
    }

    /**
     * A sign-up: a first one (the usual case) is stored by the batched writer; a repeat, or anything the writer hands
     * back, takes the general path in its own transaction.
     */
    public Receipt sign(SigningTarget letter, SignRequest request, String network) {
        Map<String, FieldProblem> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        String language = rows.language();
        Receipt stored = first(letter, request, network, language).join();
        return stored != null ? stored : signAgain(letter, request, network, language);
    }

    /**
     * A valid sign-up as a first one, without waiting: completes with its receipt once the batched writer stored it,
     * or with null when it must take the general path ({@link #signAgain}); {@code language} is the signer's.
     */
    CompletableFuture<Receipt> first(SigningTarget letter, SignRequest request, String network, String language) {
        First first = prepare(letter, request, network, language);
        LinkMails.Prepared confirmation = first.confirmation();
        return intake.submit(first.signature(), confirmation.tokenHash(), confirmation.expiresAt(), confirmation.mail())
                .thenApply(written -> {
                    if (!written) {
                        return null;
                    }
                    received.increment();
                    return first.receipt();
                });
    }

    /** A first sign-up ready for the writer: its row, and its confirmation (token hash and mail). */
    record First(Signature signature, LinkMails.Prepared confirmation) {
        Receipt receipt() {
            return new Receipt(signature.id.toString(), "pending-email");
        }
    }

    /** Prepares a valid sign-up as {@link #first} does, and stores nothing (the warm-up rehearses it). */
    First prepare(SigningTarget letter, SignRequest request, String network, String language) {
        EmailAddress email = EmailAddress.parse(request.email()).orElseThrow();
        Signature s = new Signature();
        rows.fill(s, letter, request, email, network, language);
        s.id = UUID.randomUUID();
        s.createdAt = tokens.now();
        return new First(s, linkMails.prepareConfirmation(s, letter));
    }

    /**
     * The general path: a first sign-up the writer handed back, or a repeat. A repeat never changes the signature it
     * repeats (it may be someone else's): the address gets "you have already signed" or its pending link again, and
     * the answer is a placeholder of its own that reads exactly like a fresh pending sign-up, so nobody can learn from
     * the API whether an address signed (docs/ARCHITECTURE.md#signing).
     */
    @Transactional
    Receipt signAgain(SigningTarget letter, SignRequest request, String network, String language) {
        EmailAddress email = EmailAddress.parse(request.email()).orElseThrow();
        Optional<Signature> live = signatures.findLive(letter.letterId(), email.mailbox());
        received.increment();
        if (live.isEmpty()) {
            Signature s = new Signature();
            rows.fill(s, letter, request, email, network, language);
            s.id = UUID.randomUUID();
            s.createdAt = tokens.now();
            signatures.persist(s);
            linkMails.confirmation(s, letter);
            return new Receipt(s.id.toString(), "pending-email");
        }
        Signature original = live.get();
        if (original.status == Signature.Status.CONFIRMED || original.held()) {
            linkMails.alreadySigned(original, letter);
        } else {
            linkMails.confirmation(original, letter);
        }
        return new Receipt(rows.placeholder(letter, request).id.toString(), "pending-email");
    }
}
