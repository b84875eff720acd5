package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.Honours;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.verification.Names;
import org.undersigned.verification.OrcidEmployments;
import org.undersigned.verification.OrcidEmployments.Employment;
import org.undersigned.verification.Organisations;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;
import org.undersigned.web.WireEnum;

/**
 * Signing with ORCID (docs/ARCHITECTURE.md#signing): the iD comes from the ID token of an OpenID Connect sign-in, so
 * the signature is confirmed at once, without an email round trip; the affiliation may be one of the iD's current
 * public employments, at the level of who wrote it on the ORCID record.
 */
@ApplicationScoped
public class OrcidSigning {

    /**
     * What the signer chose. {@code employment} is the index of one of {@link #employments}, or null with
     * {@code organisation} typed (or neither). {@code name} counts only when the ORCID record shows none.
     */
    public record Choice(
            String name,
            Integer employment,
            String organisation,
            String role,
            String listing,
            String comment,
            boolean notifyMe,
            String email) {}

    /** The signer's live ORCID signature on a letter, if any. */
    public record Existing(String id, String name, String organisation, String level) {}

    private final Clock clock;
    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Publication publication;
    private final Endings endings;
    private final OrcidEmployments employments;
    private final Organisations organisations;
    private final Honours honours;
    private final SignatureAttestations attestations;
    private final SignerIds signerIds;
    private final LinkMails linkMails;
    private final Disputes disputes;
    private final SignUpRows rows;

    OrcidSigning(
            Clock clock,
            SignatureRepository signatures,
            SignableLetters letters,
            Publication publication,
            Endings endings,
            OrcidEmployments employments,
            Organisations organisations,
            Honours honours,
            SignatureAttestations attestations,
            SignerIds signerIds,
            LinkMails linkMails,
            Disputes disputes,
            SignUpRows rows) {
        this.clock = clock;
        this.rows = rows;
        this.disputes = disputes;
        this.linkMails = linkMails;
        this.signerIds = signerIds;
        this.signatures = signatures;
        this.letters = letters;
        this.publication = publication;
        this.endings = endings;
        this.employments = employments;
        this.organisations = organisations;
        this.honours = honours;
        this.attestations = attestations;
    }

    public List<Employment> employments(String orcidId) {
        return employments.current(orcidId);
    }

    @Transactional
    public Optional<Existing> existing(String slug, String orcidId) {
        SigningTarget letter = letters.letter(slug);
        return liveOf(letter.letterId(), orcidId)
                .map(s -> new Existing(s.id.toString(), s.name, s.organisation, WireEnum.wire(s.affiliationLevel)));
    }

    /**
     * Signs and confirms at once; returns the signature's public id. Bad choices give 400 naming the field. When the
     * address given has a live email signature on the letter, that address is also mailed a link that joins the two:
     * following it adds the iD to the email signature and ends this one, so one person is counted once.
     */
    @Transactional
    public Receipt sign(
            String slug, String orcidId, String orcidName, Choice choice, List<Employment> current, String network) {
        SigningTarget letter = letters.openLetter(slug);
        String name = SignRequest.clean(orcidName != null ? orcidName : choice.name());
        Employment employment =
                choice.employment() == null || choice.employment() < 0 || choice.employment() >= current.size()
                        ? null
                        : current.get(choice.employment());
        String typedOrganisation = employment == null ? choice.organisation() : null;
        String email = choice.email() == null || choice.email().isBlank() ? null : choice.email();
        SignRequest check = new SignRequest(
                name,
                email == null ? "orcid@example.org" : email,
                employment == null ? typedOrganisation : employment.organisation(),
                choice.role(),
                choice.listing(),
                choice.comment(),
                choice.notifyMe());
        Map<String, FieldProblem> problems = new LinkedHashMap<>(check.problems());
        if (problems.containsKey("name") && orcidName == null) {
            problems.put("name", FieldProblem.NAME_MISSING_ORCID);
        }
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        if (liveOf(letter.letterId(), orcidId).isPresent()) {
            throw new LocalProblem(409, ErrorMessages::alreadySignedOrcid);
        }
        Optional<Signature> byEmail = email == null
                ? Optional.empty()
                : signatures
                        .findLive(
                                letter.letterId(),
                                EmailAddress.parse(email).orElseThrow().mailbox())
                        .filter(e -> e.orcid == null);
        Signature s = new Signature();
        s.id = UUID.randomUUID();
        s.letterId = letter.letterId();
        s.status = Signature.Status.PENDING;
        s.liveKey = liveKey(orcidId);
        s.orcid = orcidId;
        s.email = email == null ? null : EmailAddress.parse(email).orElseThrow().value();
        s.name = name;
        s.nameFolded = SignRequest.fold(name);
        s.role = SignRequest.clean(choice.role());
        s.comment = SignRequest.clean(choice.comment());
        s.listing = Listing.of(choice.listing());
        s.notify = choice.notifyMe();
        s.identityMethod = IdentityMethod.ORCID;
        if (employment != null) {
            s.organisation = organisations
                    .byRor(employment.ror())
                    .or(() -> organisations.named(employment.organisation()))
                    .map(Organisations.Organisation::name)
                    .orElse(SignRequest.clean(employment.organisation()));
            s.affiliationLevel = AffiliationLevel.of(employment.level());
            if (s.role == null) {
                s.role = SignRequest.clean(employment.role());
            }
        } else {
            s.organisation = SignRequest.clean(typedOrganisation);
            organisations.named(s.organisation).ifPresent(o -> s.organisation = o.name());
            s.affiliationLevel = s.organisation == null ? AffiliationLevel.NONE : AffiliationLevel.SELF;
        }
        s.versionNumber = letter.version();
        s.textSha256 = letter.textSha256();
        s.createdAt = OffsetDateTime.now(clock);
        s.confirmedAt = s.createdAt;
        s.networkTag = network == null ? null : signerIds.networkTag(network);
        s.language = rows.language();
        signatures.persist(s);
        // the name on an ORCID record is typed by its holder: only an iD named for the watched person exempts it
        Optional<String> watched = honours.watched(name, orcidId);
        if (watched.isPresent()) {
            s.moderation = Signature.ModerationState.HELD;
            s.heldAs = watched.get();
            return new Receipt(s.id.toString(), "held");
        }
        publication.publish(s, letter);
        if (employment != null) {
            attestations.employment(s, letter, employment.organisation(), employment.level(), employment.source());
        }
        // the sign-in proves the iD, not the mailbox: only a link followed from that mailbox joins the two. The answer
        // is the same whether or not the address signed, so this page reveals nothing about it either.
        byEmail.ifPresent(e -> linkMails.attach(e, letter, orcidId));
        return new Receipt(s.id.toString(), "confirmed");
    }

    /**
     * "Signed by email as well?": when the address has a live email signature on the letter and the iD has a live
     * signature, the address is mailed a link that joins the two (the first made stays). The caller answers the same
     * either way, so the page reveals nothing about the address; a malformed address is a 400 naming the field.
     */
    @Transactional
    public void offerJoin(String slug, String orcidId, String email) {
        SigningTarget letter = letters.letter(slug);
        EmailAddress.Reading reading = EmailAddress.read(email);
        if (reading instanceof EmailAddress.Invalid invalid) {
            throw new InvalidForm(Map.of("email", FieldProblem.of(invalid.flaw())));
        }
        EmailAddress address = ((EmailAddress.Valid) reading).address();
        if (liveOf(letter.letterId(), orcidId).filter(s -> !s.held()).isEmpty()) {
            return;
        }
        signatures
                .findLive(letter.letterId(), address.mailbox())
                .filter(e -> e.orcid == null && !e.held())
                .ifPresent(e -> linkMails.attach(e, letter, orcidId));
    }

    /** Withdraws the signer's live ORCID signature (the count drops once the log has it). */
    @Transactional
    public boolean withdraw(String slug, String orcidId, boolean erase) {
        SigningTarget letter = letters.letter(slug);
        Optional<Signature> live =
                liveOf(letter.letterId(), orcidId).map(s -> signatures.findById(s.seq, LockModeType.PESSIMISTIC_WRITE));
        if (live.isEmpty()) {
            return false;
        }
        endings.withdraw(live.get(), erase);
        return true;
    }

    /** What "I did not sign this" with ORCID did. */
    public enum DisownOutcome {
        /** The iD behind the signature: withdrawn and marked as disowned. */
        DISOWNED,
        /** Only the name matches: a dispute for the organisers, the signer told. */
        DISPUTED,
        NOT_PROVEN
    }

    /**
     * "I did not sign this", proven with ORCID: only the iD behind the signature ends it. An ORCID record whose
     * public name is the listed name is not proof (anyone can edit their ORCID name), so it opens a dispute that
     * organisers decide and the signer may answer (Disputes).
     */
    @Transactional
    public DisownOutcome disown(String slug, String signatureId, String orcidId, String orcidName) {
        SigningTarget letter = letters.letter(slug);
        Optional<Signature> found = signatures
                .lockOnLetter(letter.letterId(), signatureId)
                .filter(s -> s.status == Signature.Status.CONFIRMED);
        if (found.isEmpty()) {
            return DisownOutcome.NOT_PROVEN;
        }
        Signature s = found.get();
        if (orcidId.equals(s.orcid)) {
            endings.markDisowned(s);
            return DisownOutcome.DISOWNED;
        }
        if (orcidName != null && Names.key(orcidName).equals(Names.key(s.name))) {
            disputes.open(s, letter, orcidId, orcidName);
            return DisownOutcome.DISPUTED;
        }
        return DisownOutcome.NOT_PROVEN;
    }

    /** The iD's live signature on a letter: its own, or an email signature the iD was attached to. */
    private Optional<Signature> liveOf(long letterId, String orcidId) {
        return signatures.findLive(letterId, liveKey(orcidId)).or(() -> signatures.findLiveByOrcid(letterId, orcidId));
    }

    private static String liveKey(String orcidId) {
        return "orcid:" + orcidId;
    }
}
