/** Passkeys (WebAuthn): creating and using them for organisers and signers, with webauthn4j kept inside. */
package org.undersigned.passkeys;
