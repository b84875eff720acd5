package org.undersigned.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * A platform authenticator that Chromium emulates for one page (Chrome DevTools Protocol, WebAuthn domain): it keeps
 * discoverable credentials, verifies the user and answers at once, so passkey ceremonies run without a person.
 */
public final class VirtualAuthenticator {

    private final CDPSession cdp;
    private final String id;

    private VirtualAuthenticator(CDPSession cdp, String id) {
        this.cdp = cdp;
        this.id = id;
    }

    public static VirtualAuthenticator on(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("ctap2Version", "ctap2_1");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        String id = cdp.send("WebAuthn.addVirtualAuthenticator", args)
                .get("authenticatorId")
                .getAsString();
        return new VirtualAuthenticator(cdp, id);
    }

    /** How many credentials the authenticator holds (the server may have forgotten some). */
    public int credentials() {
        JsonObject args = new JsonObject();
        args.addProperty("authenticatorId", id);
        return cdp.send("WebAuthn.getCredentials", args)
                .getAsJsonArray("credentials")
                .size();
    }
}
