package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.letters.LetterService;
import org.undersigned.passkeys.Owner;
import org.undersigned.passkeys.PasskeyOptions;
import org.undersigned.passkeys.Passkeys;
import org.undersigned.verification.OrcidEmployments;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.LocalProblem;
import org.undersigned.web.PublicUrl;
import org.undersigned.web.SecretTokens;

/**
 * Organisers with passkeys: an admin invites someone with a one-time link (256 random bits, only its SHA-256 kept,
 * expiring); following it, they create a passkey and are signed in; later they sign in with it. Every step is
 * audited (docs/ARCHITECTURE.md, "Passkeys").
 */
@ApplicationScoped
class Invitations {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final Duration LONGEST = Duration.ofDays(30);

    /** An invitation just made: its link exists only here and in what the admin passes on. */
    record Issued(String link, String subject, Instant expiresAt) {}

    /** An account as listed, with how many passkeys it has. */
    record Listed(AccountRepository.Account account, int passkeys) {}

    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final Passkeys passkeys;
    private final SignIns signIns;
    private final Revocations revocations;
    private final LetterService letters;
    private final Audit audit;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Invitations(
            InvitationRepository invitations,
            AccountRepository accounts,
            Passkeys passkeys,
            SignIns signIns,
            Revocations revocations,
            LetterService letters,
            Audit audit,
            Clock clock,
            PublicUrl publicUrl) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.signIns = signIns;
        this.revocations = revocations;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Issued invite(String actor, String subject, String role, List<String> slugs, String lifetime) {
        if (subject == null || !subject.matches(TokenMinting.SUBJECT)) {
            throw new InvalidInput(Map.of("subject", "Name who is invited: 1 to 100 of A-Z, a-z, 0-9, ':._@-'."));
        }
        if (!List.of(OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN).contains(role)) {
            throw new InvalidInput(Map.of("role", "The role is \"organiser\" or \"admin\"."));
        }
        if (!slugs.stream().allMatch(l -> l.matches(TokenMinting.SLUG))) {
            throw new InvalidInput(Map.of("letters", "Name letters by their slugs, such as sample-letter."));
        }
        Duration ttl;
        try {
            ttl = lifetime == null || lifetime.isBlank() ? DEFAULT_LIFETIME : Duration.parse(lifetime.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Map.of("lifetime", "Give an ISO-8601 duration such as P7D or PT12H."));
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(LONGEST) > 0) {
            throw new InvalidInput(Map.of("lifetime", "An invitation lasts between a second and 30 days."));
        }
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        invitations.insert(new InvitationRepository.Invitation(
                SecretTokens.hash(token),
                Passkeys.newUserHandle(),
                subject,
                role,
                slugs,
                actor,
                now,
                now.plus(ttl),
                false));
        audit.record(actor, "invite", null, subject, role + " " + slugs + " until " + now.plus(ttl));
        return new Issued(link(token), subject, now.plus(ttl));
    }

    /** The first admin's invitation, whose code the operator chose or the log printed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void bootstrap(String code) {
        Instant now = clock.instant();
        invitations.insert(new InvitationRepository.Invitation(
                SecretTokens.hash(code),
                Passkeys.newUserHandle(),
                "admin",
                OrganiserTokens.ADMIN,
                List.of(),
                "bootstrap",
                now,
                now.plus(Duration.ofDays(3650)),
                true));
    }

    String link(String token) {
        return publicUrl.link("/organisers/enrol/" + token);
    }

    @Transactional
    Optional<InvitationRepository.Invitation> open(String token) {
        return token == null || token.length() > 100
                ? Optional.empty()
                : invitations.open(SecretTokens.hash(token), clock.instant());
    }

    /** Options to create a passkey through an open invitation (an existing account keeps its user handle). */
    @Transactional
    PasskeyOptions.Creation options(String token) {
        InvitationRepository.Invitation i = open(token).orElseThrow(Invitations::invalid);
        return passkeys.creation(
                new Owner.Organiser(i.subject()),
                handle(i),
                i.subject(),
                i.subject() + " (Undersigned " + i.role() + ")",
                Passkeys.CEREMONY);
    }

    /** Creates the passkey, spends the invitation, saves the account and signs in: all or nothing. */
    @Transactional
    NewCookie enrol(String token, String response) {
        InvitationRepository.Invitation i = open(token).orElseThrow(Invitations::invalid);
        Passkeys.Created created = passkeys.register(response, new Owner.Organiser(i.subject()), handle(i));
        if (!invitations.use(i.tokenHash(), clock.instant())) {
            throw invalid();
        }
        accounts.save(new AccountRepository.Account(
                i.subject(), i.role(), i.letters(), handle(i), i.createdBy(), clock.instant()));
        audit.record(
                i.subject(),
                "passkey-enrol",
                null,
                i.subject(),
                i.role() + " " + i.letters() + ", invited by " + i.createdBy() + ", passkey "
                        + created.credentialId()
                                .substring(
                                        0, Math.min(12, created.credentialId().length())));
        return signInAs(i.subject());
    }

    /** Signs in the account a passkey belongs to. */
    @Transactional
    NewCookie signIn(String response) {
        Owner owner = passkeys.authenticate(response, "organiser");
        return signInAs(owner.id());
    }

    private NewCookie signInAs(String subject) {
        AccountRepository.Account account =
                accounts.find(subject).orElseThrow(() -> new LocalProblem(400, ErrorMessages::passkeyUnknown));
        boolean admin = OrganiserTokens.ADMIN.equals(account.role());
        // an ORCID iD organises what letter.yaml says, as with ORCID sign-in; a chosen name what it was invited for
        List<String> slugs =
                OrcidEmployments.ORCID_ID.matcher(subject).matches() ? letters.organisedBy(subject) : account.letters();
        if (!admin && slugs.isEmpty()) {
            throw new LocalProblem(403, ErrorMessages::organiseNothing);
        }
        return signIns.signIn(subject, admin, slugs, "passkey");
    }

    @Transactional
    List<InvitationRepository.Invitation> pending() {
        return invitations.pending(clock.instant(), AdminPages.PAGE);
    }

    @Transactional
    List<Listed> accounts() {
        return accounts.all(AdminPages.PAGE).stream()
                .map(a -> new Listed(
                        a, passkeys.of(new Owner.Organiser(a.subject())).size()))
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean cancel(String actor, String tokenHash) {
        boolean cancelled = invitations.cancel(tokenHash);
        if (cancelled) {
            audit.record(actor, "cancel-invitation", null, tokenHash.substring(0, 12), null);
        }
        return cancelled;
    }

    /** The account goes with its passkeys, and its tokens stop working at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean remove(String actor, String subject) {
        int forgotten = passkeys.forget(new Owner.Organiser(subject));
        boolean removed = accounts.delete(subject);
        if (removed) {
            revocations.revokeAll(subject, actor);
            audit.record(actor, "remove-account", null, subject, forgotten + " passkeys");
        }
        return removed;
    }

    private String handle(InvitationRepository.Invitation i) {
        return accounts.find(i.subject())
                .map(AccountRepository.Account::userHandle)
                .orElse(i.userHandle());
    }

    private static LocalProblem invalid() {
        return new LocalProblem(410, ErrorMessages::invitationInvalid);
    }
}
