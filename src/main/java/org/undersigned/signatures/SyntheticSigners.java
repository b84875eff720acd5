package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.undersigned.letters.SigningTarget;

/**
 * Sample signers for a development database: they sign through {@link SignUps} like anyone, and follow the links their
 * mails would carry through {@link MailedLinks}, so their signatures take exactly the paths a person's take (log
 * entries, counts, the impersonation guard). Their mailboxes are read by nobody, so the link is issued here rather
 * than taken from the mail. Refused in the packaged application: no one may confirm for a mailbox there.
 */
@ApplicationScoped
public class SyntheticSigners {

    private static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final SignUps signUps;
    private final MailedLinks links;
    private final SignatureRepository signatures;
    private final Tokens tokens;

    SyntheticSigners(SignUps signUps, MailedLinks links, SignatureRepository signatures, Tokens tokens) {
        this.signUps = signUps;
        this.links = links;
        this.signatures = signatures;
        this.tokens = tokens;
    }

    /** Signs {@code letter} (possibly an older version of it) as the form would; returns the signature's id. */
    public String sign(SigningTarget letter, SignRequest request, String network) {
        refuseInProduction();
        return signUps.sign(letter, request, network).id();
    }

    /** Follows the confirmation link: counted once the log takes it in, or held by the impersonation guard. */
    public LinkView confirm(String signatureId) {
        return links.confirm(issue(signatureId, SignatureToken.Purpose.CONFIRM, null));
    }

    /** Follows the withdrawal link of the signature's receipt. */
    public LinkView withdraw(String signatureId) {
        return links.withdraw(issue(signatureId, SignatureToken.Purpose.WITHDRAW, null), false);
    }

    /** Follows the link a re-affirmation campaign mails for {@code version}. */
    public LinkView reaffirm(String signatureId, int version) {
        return links.reaffirm(issue(signatureId, SignatureToken.Purpose.REAFFIRM, version));
    }

    private String issue(String signatureId, SignatureToken.Purpose purpose, Integer version) {
        refuseInProduction();
        return QuarkusTransaction.requiringNew()
                .call(() -> tokens.issue(
                        signatures.findByPublicId(signatureId).orElseThrow(), purpose, version, LINK_LIFETIME));
    }

    private static void refuseInProduction() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Synthetic signers exist only in dev mode and tests.");
        }
    }
}
