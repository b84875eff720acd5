package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.letters.VersionPublished;
import org.undersigned.mail.Outbox;
import org.undersigned.web.PublicUrl;

/**
 * Tells signers who opted in ("notify me of responses") when a new version, response or rebuttal is published,
 * through the outbox, in batches like re-affirmations. Every mail carries an unsubscribe link whose code is an HMAC
 * of the signature id (keyed with the signer pepper), so nothing needs storing and the link works as long as the
 * signature exists.
 */
@ApplicationScoped
public class Notifications {

    static final int BATCH = 200;

    private final NotificationRepository campaigns;
    private final SignatureRepository signatures;
    private final Outbox outbox;
    private final SignatureMails mails;
    private final LetterService letters;
    private final SignerIds keys;
    private final PublicUrl publicUrl;

    Notifications(
            NotificationRepository campaigns,
            SignatureRepository signatures,
            Outbox outbox,
            SignatureMails mails,
            LetterService letters,
            SignerIds keys,
            PublicUrl publicUrl) {
        this.campaigns = campaigns;
        this.signatures = signatures;
        this.outbox = outbox;
        this.mails = mails;
        this.letters = letters;
        this.keys = keys;
        this.publicUrl = publicUrl;
    }

    /** Queues news of {@code title} (at {@code url}, absolute or a path) for the letter's opted-in signers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(long letterId, String kind, String title, String url) {
        campaigns.start(letterId, kind, title, url.startsWith("/") ? publicUrl.link(url) : url);
    }

    void onVersion(@Observes VersionPublished version) {
        announce(
                version.letterId(),
                "version",
                "Version " + version.number() + " of \"" + version.title() + "\"",
                "/letters/" + version.slug() + "/v/" + version.number());
    }

    @Scheduled(
            every = "${undersigned.mail.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "notification-campaigns")
    void run() {
        while (QuarkusTransaction.requiringNew().call(this::batch)) {
            // next batch, each in its own transaction
        }
    }

    /** Queues one batch of one open campaign; true when there may be more to do. */
    boolean batch() {
        return campaigns
                .lockNextOpen()
                .map(c -> {
                    SigningTarget letter = letters.signingTarget(c.letterId()).orElse(null);
                    List<Signature> batch =
                            letter == null ? List.of() : signatures.subscribed(c.letterId(), c.nextSeq(), BATCH);
                    for (Signature s : batch) {
                        outbox.enqueue(mails.news(s, letter, c.kind(), c.title(), c.url(), unsubscribeUrl(s.id)));
                    }
                    long next = batch.isEmpty() ? c.nextSeq() : batch.get(batch.size() - 1).seq;
                    campaigns.advance(c, next, batch.size() < BATCH);
                    return true;
                })
                .orElse(false);
    }

    String unsubscribeUrl(UUID id) {
        return publicUrl.link("/unsubscribe/" + id + "/" + mac(id));
    }

    /** Whether the unsubscribe link's code is one this service made for that id (no database read). */
    public boolean genuine(String id, String mac) {
        UUID uuid = SignatureRepository.publicId(id).orElse(null);
        return uuid != null
                && mac != null
                && MessageDigest.isEqual(
                        mac(uuid).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    /** Stops news for the signature the link was made for; empty when the link is not one of ours. */
    @Transactional
    public Optional<String> unsubscribe(String id, String mac, boolean apply) {
        if (!genuine(id, mac)) {
            return Optional.empty();
        }
        UUID uuid = SignatureRepository.publicId(id).orElseThrow();
        return signatures.findByPublicId(uuid).map(s -> {
            if (apply) {
                s.notify = false;
            }
            return letters.signingTarget(s.letterId).map(SigningTarget::title).orElse("the letter");
        });
    }

    private String mac(UUID id) {
        return keys.unsubscribeCode(id);
    }
}
