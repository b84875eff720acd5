package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import org.undersigned.mail.Outbox;

/**
 * Sign-ups whose confirmation mail was given up after the last retry, per letter, for the organisers' console: the
 * outbox keeps only a tag (no address) for them, and the signer can ask for a new link from the letter page.
 */
@ApplicationScoped
public class UndeliveredConfirmations {

    private final Outbox outbox;

    UndeliveredConfirmations(Outbox outbox) {
        this.outbox = outbox;
    }

    static String tag(String slug) {
        return "confirm:" + slug;
    }

    public Outbox.Undelivered of(String slug) {
        return outbox.undelivered(tag(slug));
    }
}
