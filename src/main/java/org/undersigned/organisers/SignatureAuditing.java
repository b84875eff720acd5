package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.undersigned.signatures.SignatureEvent;

/** Puts what happens to a signature outside organisers' hands (a dispute opened or answered) in the audit trail. */
@ApplicationScoped
class SignatureAuditing {

    private final Audit audit;

    SignatureAuditing(Audit audit) {
        this.audit = audit;
    }

    void on(@Observes SignatureEvent event) {
        audit.record(event.actor(), event.action(), event.letter(), event.signatureId(), event.detail());
    }
}
