package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Organisations;
import org.undersigned.web.Languages;

/** The rows a sign-up makes: a pending signature as the form describes it, or a placeholder for a repeat. */
@ApplicationScoped
class SignUpRows {

    private final SignatureRepository signatures;
    private final Tokens tokens;
    private final Organisations organisations;
    private final SignerIds signerIds;
    private final Languages languages;

    SignUpRows(
            SignatureRepository signatures,
            Tokens tokens,
            Organisations organisations,
            SignerIds signerIds,
            Languages languages) {
        this.signatures = signatures;
        this.tokens = tokens;
        this.organisations = organisations;
        this.signerIds = signerIds;
        this.languages = languages;
    }

    /** The language of the request being handled, stored so that later mails are written in it. */
    String language() {
        return languages.current().map(Locale::toLanguageTag).orElse(null);
    }

    /** A pending signature as the sign-up describes it, its mails to be written in {@code language} (a tag). */
    void fill(
            Signature s,
            SigningTarget letter,
            SignRequest request,
            EmailAddress email,
            String network,
            String language) {
        s.letterId = letter.letterId();
        s.status = Signature.Status.PENDING;
        s.liveKey = email.mailbox();
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
        s.language = language;
    }

    /**
     * The answer to a repeat sign-up: a row that reads like the pending signature {@code request} would have made (its
     * listing, version and evidence), holding no personal data, and deleted with abandoned sign-ups.
     */
    Signature placeholder(SigningTarget letter, SignRequest request) {
        Signature d = new Signature();
        d.id = UUID.randomUUID();
        d.letterId = letter.letterId();
        d.status = Signature.Status.DUPLICATE;
        d.listing = Listing.of(request.listing());
        d.identityMethod = IdentityMethod.EMAIL;
        d.affiliationLevel =
                SignRequest.clean(request.organisation()) == null ? AffiliationLevel.NONE : AffiliationLevel.SELF;
        d.versionNumber = letter.version();
        d.textSha256 = letter.textSha256();
        d.createdAt = tokens.now();
        signatures.persist(d);
        return d;
    }
}
