package org.undersigned.passkeys;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.undersigned.web.ErrorMessages;
import org.undersigned.web.LocalProblem;
import org.undersigned.web.PublicUrl;

/**
 * Creates and checks passkeys (WebAuthn Level 3 §7.1 registration, §7.2 authentication) with webauthn4j. webauthn4j
 * reads the browser's JSON with its own Jackson 3 mapper (ObjectConverter), kept here and never shared with the
 * Jackson 2 of the REST layer. The relying party is this service's public URL: its host is the RP id, its origin the
 * only origin accepted (docs/ARCHITECTURE.md, "Passkeys").
 */
@ApplicationScoped
public class Passkeys {

    private static final Logger LOG = Logger.getLogger(Passkeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64U = Base64.getUrlDecoder();

    /** How long a page may take between asking for options and sending the browser's answer. */
    public static final Duration CEREMONY = Duration.ofMinutes(5);

    /** At most this many passkeys per owner: enough for every device, not a store for anyone's junk. */
    public static final int MOST = 10;

    static final String REGISTER = "register";
    static final String AUTHENTICATE = "authenticate";

    // Ed25519, ES256, RS256: what authenticators offer, the first preferred (WebAuthn §5.4 pubKeyCredParams)
    private static final List<PasskeyOptions.Param> ALGORITHMS = List.of(
            new PasskeyOptions.Param("public-key", -8),
            new PasskeyOptions.Param("public-key", -7),
            new PasskeyOptions.Param("public-key", -257));
    private static final List<PublicKeyCredentialParameters> ACCEPTED = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /** A passkey just created, and whom it lets in. */
    public record Created(String credentialId, Owner owner, boolean backupEligible) {}

    private final ObjectConverter json = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(json);
    private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(json);
    private final PasskeyRepository passkeys;
    private final ChallengeRepository challenges;
    private final Clock clock;
    private final String rpId;
    private final Origin origin;

    Passkeys(PasskeyRepository passkeys, ChallengeRepository challenges, Clock clock, PublicUrl publicUrl) {
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.clock = clock;
        this.rpId = publicUrl.host();
        this.origin = new Origin(publicUrl.origin());
    }

    /** A fresh random user handle (WebAuthn §14.6.1: no personal data in it), base64url. */
    public static String newUserHandle() {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return B64U.encodeToString(handle);
    }

    /**
     * Options to create a passkey for {@code owner}, valid for {@code lifetime}. {@code name} and {@code displayName}
     * are what the person's passkey manager will show.
     */
    @Transactional
    public PasskeyOptions.Creation creation(
            Owner owner, String userHandle, String name, String displayName, Duration lifetime) {
        List<String> existing = passkeys.idsOf(owner);
        if (existing.size() >= MOST) {
            throw new LocalProblem(409, m -> m.passkeyTooMany(MOST));
        }
        String challenge = challenge(new ChallengeRepository.Issued(REGISTER, owner.kind(), owner.id()), lifetime);
        return new PasskeyOptions.Creation(
                new PasskeyOptions.Entity(rpId, "Undersigned"),
                new PasskeyOptions.User(userHandle, name, displayName),
                challenge,
                ALGORITHMS,
                lifetime.toMillis(),
                existing.stream()
                        .map(id -> new PasskeyOptions.Descriptor("public-key", id))
                        .toList(),
                new PasskeyOptions.Selection("required", true, "required"),
                "none");
    }

    /** Options to sign in with a passkey of the given owner kind. */
    @Transactional
    public PasskeyOptions.Request request(String ownerKind) {
        String challenge = challenge(new ChallengeRepository.Issued(AUTHENTICATE, ownerKind, null), CEREMONY);
        return new PasskeyOptions.Request(challenge, rpId, CEREMONY.toMillis(), "required");
    }

    private String challenge(ChallengeRepository.Issued issued, Duration lifetime) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        Instant now = clock.instant();
        challenges.insert(challenge, issued, now.plus(lifetime), now);
        return B64U.encodeToString(challenge);
    }

    /**
     * Checks the browser's answer to {@link #creation} (its RegistrationResponseJSON) and stores the passkey for the
     * owner its challenge was issued for, which must be {@code expected}. The challenge is spent whatever happens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Created register(String response, Owner expected, String userHandle) {
        RegistrationData data = parse(() -> manager.parseRegistrationResponseJSON(response));
        ChallengeRepository.Issued issued =
                take(data.getCollectedClientData().getChallenge().getValue(), REGISTER);
        if (!expected.kind().equals(issued.ownerKind()) || !expected.id().equals(issued.owner())) {
            throw new LocalProblem(400, ErrorMessages::passkeyExpired);
        }
        if (passkeys.idsOf(expected).size() >= MOST) {
            throw new LocalProblem(409, m -> m.passkeyTooMany(MOST));
        }
        ServerProperty server =
                server(data.getCollectedClientData().getChallenge().getValue());
        verify(() -> manager.verify(data, new RegistrationParameters(server, ACCEPTED, true, true)));
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticator.getAttestedCredentialData();
        String id = B64U.encodeToString(attested.getCredentialId());
        if (passkeys.exists(id)) {
            throw new LocalProblem(409, ErrorMessages::passkeyExists);
        }
        passkeys.insert(
                new PasskeyRepository.Row(
                        id,
                        expected,
                        userHandle,
                        B64U.encodeToString(credentials.convert(attested)),
                        authenticator.getSignCount(),
                        authenticator.isFlagUV(),
                        authenticator.isFlagBE(),
                        authenticator.isFlagBS()),
                clock.instant());
        return new Created(id, expected, authenticator.isFlagBE());
    }

    /**
     * Checks the browser's answer to {@link #request} (its AuthenticationResponseJSON): the challenge is taken once,
     * the signature checked against the stored key, the sign counter must grow (unless the authenticator keeps none),
     * and the new counter and backup state are recorded. Answers whom the passkey lets in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Owner authenticate(String response, String ownerKind) {
        AuthenticationData data = parse(() -> manager.parseAuthenticationResponseJSON(response));
        take(data.getCollectedClientData().getChallenge().getValue(), AUTHENTICATE);
        String id = B64U.encodeToString(data.getCredentialId());
        PasskeyRepository.Row stored =
                passkeys.find(id).orElseThrow(() -> new LocalProblem(400, ErrorMessages::passkeyUnknown));
        if (!stored.owner().kind().equals(ownerKind)) {
            throw new LocalProblem(400, ErrorMessages::passkeyNotForThis);
        }
        if (data.getUserHandle() != null
                && !B64U.encodeToString(data.getUserHandle()).equals(stored.userHandle())) {
            throw new LocalProblem(400, ErrorMessages::passkeyRefused);
        }
        CredentialRecordImpl record = new CredentialRecordImpl(
                new NoneAttestationStatement(),
                stored.uvInitialized(),
                stored.backupEligible(),
                stored.backupState(),
                stored.signCount(),
                credentials.convert(UNB64U.decode(stored.credential())),
                null,
                null,
                null,
                null);
        ServerProperty server =
                server(data.getCollectedClientData().getChallenge().getValue());
        verify(() -> manager.verify(
                data, new AuthenticationParameters(server, record, List.of(data.getCredentialId()), true, true)));
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        if (!passkeys.used(
                id, stored.signCount(), authenticator.getSignCount(), authenticator.isFlagBS(), clock.instant())) {
            throw new LocalProblem(400, ErrorMessages::passkeyRefused);
        }
        return stored.owner();
    }

    /** The owner's passkeys, by credential id. */
    @Transactional
    public List<String> of(Owner owner) {
        return passkeys.idsOf(owner);
    }

    /** Deletes every passkey of {@code owner} (an erased signer, a removed organiser); answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(Owner owner) {
        return passkeys.deleteAll(owner);
    }

    private ServerProperty server(byte[] challenge) {
        return ServerProperty.builder()
                .origin(origin)
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge))
                .build();
    }

    private ChallengeRepository.Issued take(byte[] challenge, String ceremony) {
        // in a transaction of its own, so that the challenge stays spent when the ceremony then fails
        Optional<ChallengeRepository.Issued> issued = challenge == null
                ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> challenges.take(challenge, clock.instant()));
        return issued.filter(i -> i.ceremony().equals(ceremony))
                .orElseThrow(() -> new LocalProblem(400, ErrorMessages::passkeyExpired));
    }

    private static <T> T parse(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            // not a WebAuthn response: webauthn4j's own exceptions, or Jackson 3's inside them
            LOG.debugf("unreadable passkey response: %s", e.getClass().getName());
            throw new LocalProblem(400, ErrorMessages::passkeyRefused);
        }
    }

    private static void verify(Runnable verification) {
        try {
            verification.run();
        } catch (VerificationException e) {
            // which check failed, for operators; nothing personal is in it
            LOG.infof("passkey refused: %s", e.getClass().getSimpleName());
            throw new LocalProblem(400, ErrorMessages::passkeyRefused);
        }
    }
}
