package org.undersigned.signatures;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Mail;
import org.undersigned.mail.Outbox;
import org.undersigned.verification.EmailAddress;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.PublicUrl;

/**
 * A letter's press list: journalists (anyone) ask to be told of milestones; the address joins only once its owner
 * follows a mailed link (double opt-in), and every mail carries a link that leaves the list at once. Like sign-ups,
 * a subscription nobody confirms is deleted after a week, and answers never reveal whether an address is on a list.
 */
@ApplicationScoped
public class PressList {

    static final Duration LINK_LIFETIME = Duration.ofHours(48);
    static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);

    /** What a confirmation or unsubscribe link is about. */
    public record Found(long seq, SigningTarget letter, boolean confirmed) {}

    private final PressRepository repository;
    private final SignableLetters letters;
    private final SignatureMails mails;
    private final Outbox outbox;
    private final SignerIds keys;
    private final PublicUrl publicUrl;
    private final Clock clock;

    PressList(
            PressRepository repository,
            SignableLetters letters,
            SignatureMails mails,
            Outbox outbox,
            SignerIds keys,
            PublicUrl publicUrl,
            Clock clock) {
        this.repository = repository;
        this.letters = letters;
        this.mails = mails;
        this.outbox = outbox;
        this.keys = keys;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Mails a confirmation link unless the mailbox is on the list already; the caller's answer is the same either way. */
    @Transactional
    public void subscribe(String slug, String email, String language) {
        SigningTarget letter = letters.letter(slug);
        EmailAddress address = EmailAddress.parse(email)
                .orElseThrow(() -> new InvalidInput(Map.of("email", "Give a plain address such as ann@example.org.")));
        Optional<PressRepository.Subscriber> known = repository.find(letter.letterId(), address.mailbox());
        if (known.isPresent() && known.get().confirmed()) {
            return;
        }
        String token = Tokens.newToken();
        Instant now = clock.instant();
        if (known.isPresent()) {
            repository.renew(known.get().seq(), address.value(), language, Tokens.hash(token), now);
        } else {
            repository.insert(letter.letterId(), address.value(), address.mailbox(), language, Tokens.hash(token), now);
        }
        outbox.enqueue(mails.compose(
                "press-confirm",
                address.value(),
                language,
                Map.of(
                        "letter", letter,
                        "letterUrl", publicUrl.link("/letters/" + letter.slug()),
                        "link", publicUrl.link("/press/confirm/" + token),
                        "hours", LINK_LIFETIME.toHours())));
    }

    @Transactional
    public Optional<Found> inspect(String token) {
        return pending(token)
                .map(s -> new Found(s.seq(), letters.of(s.letterId()).orElseThrow(), s.confirmed()));
    }

    /** Confirms the subscription the link was mailed for; empty when the link is unknown, used or expired. */
    @Transactional
    public Optional<Found> confirm(String token) {
        return pending(token)
                .filter(s -> repository.confirm(s.seq(), clock.instant()))
                .map(s -> new Found(s.seq(), letters.of(s.letterId()).orElseThrow(), true));
    }

    private Optional<PressRepository.Subscriber> pending(String token) {
        return token == null || token.length() > 100
                ? Optional.empty()
                : repository.byConfirmation(Tokens.hash(token), clock.instant().minus(LINK_LIFETIME));
    }

    /** The subscription an unsubscribe link names, if the link is genuine; {@code apply} removes it. */
    @Transactional
    public Optional<Found> unsubscribe(long seq, String code, boolean apply) {
        if (code == null
                || !MessageDigest.isEqual(
                        keys.pressCode(seq).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return repository.bySeq(seq).map(s -> {
            if (apply) {
                repository.delete(seq);
            }
            return new Found(seq, letters.of(s.letterId()).orElseThrow(), s.confirmed());
        });
    }

    /** Queues the milestone mail for up to {@code batch} confirmed subscribers after {@code afterSeq}; the last seq. */
    @Transactional(Transactional.TxType.MANDATORY)
    long mailMilestone(SigningTarget letter, long threshold, long afterSeq, int batch) {
        List<PressRepository.Subscriber> subscribers = repository.confirmed(letter.letterId(), afterSeq, batch);
        for (PressRepository.Subscriber s : subscribers) {
            String unsubscribe = publicUrl.link("/press/unsubscribe/" + s.seq() + "/" + keys.pressCode(s.seq()));
            outbox.enqueue(milestoneMail(s.email(), s.language(), letter, threshold, unsubscribe)
                    .withListUnsubscribe(unsubscribe));
        }
        return subscribers.isEmpty()
                ? afterSeq
                : subscribers.get(subscribers.size() - 1).seq();
    }

    /** The milestone mail (to a subscriber, with {@code unsubscribe}; to the addressee without). */
    Mail milestoneMail(String email, String language, SigningTarget letter, long threshold, String unsubscribe) {
        String letterUrl = publicUrl.link("/letters/" + letter.slug());
        return mails.compose(
                "milestone",
                email,
                language,
                Map.of(
                        "letter",
                        letter,
                        "letterUrl",
                        letterUrl,
                        "count",
                        String.valueOf(threshold),
                        "url",
                        letterUrl + "#milestone-" + threshold,
                        "verifyUrl",
                        letterUrl + "/verify",
                        "unsubscribe",
                        unsubscribe == null ? "" : unsubscribe));
    }

    @Scheduled(every = "1h", delayed = "5m", identity = "press-list-purge")
    @Transactional
    void purge() {
        repository.deleteUnconfirmed(clock.instant().minus(UNCONFIRMED_KEPT));
    }
}
