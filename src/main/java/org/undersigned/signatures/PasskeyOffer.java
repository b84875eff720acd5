package org.undersigned.signatures;

/**
 * What a page needs to offer a signer a passkey (SignerPasskeys): where the browser's answer goes, and the creation
 * options as JSON that is safe inside a script element.
 */
public record PasskeyOffer(String finish, String options) {}
