package org.undersigned.passkeys;

import java.util.List;

/**
 * The options a page hands to {@code navigator.credentials.create()} or {@code get()}, in the JSON shapes of WebAuthn
 * Level 3 §5.4.1 (PublicKeyCredentialCreationOptionsJSON) and §5.5.1 (PublicKeyCredentialRequestOptionsJSON):
 * binary values are base64url, so a page's script can pass them to {@code parseCreationOptionsFromJSON}.
 */
public final class PasskeyOptions {

    private PasskeyOptions() {}

    public record Entity(String id, String name) {}

    public record User(String id, String name, String displayName) {}

    public record Param(String type, int alg) {}

    public record Descriptor(String type, String id) {}

    public record Selection(String residentKey, boolean requireResidentKey, String userVerification) {}

    /** For creating a passkey. */
    public record Creation(
            Entity rp,
            User user,
            String challenge,
            List<Param> pubKeyCredParams,
            long timeout,
            List<Descriptor> excludeCredentials,
            Selection authenticatorSelection,
            String attestation) {}

    /** For signing in with one: no allowCredentials, so the browser offers the passkeys it holds for this site. */
    public record Request(String challenge, String rpId, long timeout, String userVerification) {}
}
