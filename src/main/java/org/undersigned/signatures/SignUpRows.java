package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Organisations;

/** The rows a sign-up makes: a pending signature as the form describes it, or a placeholder for a repeat. */
@ApplicationScoped
class SignUpRows {

    private final SignatureRepository signatures;
    private final Tokens tokens;
    private final Organisations organisations;
    private final SignerIds signerIds;

    SignUpRows(SignatureRepository signatures, Tokens tokens, Organisations organisations, SignerIds signerIds) {
        this.signatures = signatures;
        this.tokens = tokens;
        this.organisations = organisations;
        this.signerIds = signerIds;
    }

    /** A pending signature as the sign-up describes it. */
    void fill(Signature s, SigningTarget letter, SignRequest request, EmailAddress email, String network) {
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
    Signature duplicate(Signature original) {
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
