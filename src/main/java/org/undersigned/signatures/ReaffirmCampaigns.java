package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.letters.VersionPublished;

/**
 * A material new version (carries_signatures: false) asks every earlier signer to re-affirm. The campaign is
 * recorded with the version, in the loading transaction; its mails are queued later in batches, resuming where the
 * last batch stopped, so a letter with a million signers never needs one huge transaction.
 */
@ApplicationScoped
class ReaffirmCampaigns {

    static final int BATCH = 200;

    private final CampaignRepository campaigns;
    private final SignatureRepository signatures;
    private final LinkMails linkMails;
    private final LetterService letters;

    ReaffirmCampaigns(
            CampaignRepository campaigns, SignatureRepository signatures, LinkMails linkMails, LetterService letters) {
        this.campaigns = campaigns;
        this.signatures = signatures;
        this.linkMails = linkMails;
        this.letters = letters;
    }

    void onVersion(@Observes VersionPublished version) {
        if (!version.carriesSignatures()) {
            campaigns.start(version.letterId(), version.number());
        }
    }

    @Scheduled(
            every = "${undersigned.mail.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reaffirm-campaigns")
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
                    List<Signature> batch = letter == null
                            ? List.of()
                            : signatures.confirmedBefore(c.letterId(), c.version(), c.nextSeq(), BATCH);
                    for (Signature s : batch) {
                        linkMails.reaffirm(s, letter, c.version());
                    }
                    long next = batch.isEmpty() ? c.nextSeq() : batch.get(batch.size() - 1).seq;
                    campaigns.advance(c, next, batch.size() < BATCH);
                    return true;
                })
                .orElse(false);
    }
}
