package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of passkey pages, English here; other languages in
 * {@code src/main/resources/messages/passkey_<tag>.properties}. Templates use them as {@code {passkey:key}}; the
 * page's script (passkeys.js) reads the first group from data attributes.
 */
@MessageBundle(value = "passkey", locale = "en")
public interface PasskeyMessages {

    // said by passkeys.js while and after the browser is asked

    @Message("Waiting for your passkey…")
    String busy();

    @Message("No passkey was used. Try again when you are ready.")
    String cancelled();

    @Message("This browser cannot use passkeys here; the other ways in still work.")
    String unsupported();

    @Message("Something went wrong and nothing changed. Try again.")
    String failed();

    @Message("This device holds a passkey for this already.")
    String exists();

    @Message("Done: your passkey is saved.")
    String saved();
}
