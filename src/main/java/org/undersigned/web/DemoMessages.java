package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of dev mode's demo (the demo organiser's way in), English here; other languages in
 * {@code src/main/resources/messages/demo_<tag>.properties}. Templates use them as {@code {demo:key}}.
 */
@MessageBundle(value = "demo", locale = "en")
public interface DemoMessages {

    @Message("Continue as the demo organiser")
    String continueAsOrganiser();

    @Message("Dev mode only: an organiser of the sample letters, with no passkey asked.")
    String organiserHint();
}
