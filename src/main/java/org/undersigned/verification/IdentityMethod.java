package org.undersigned.verification;

import org.undersigned.web.WireEnum;

/** How a signer proved who they are (docs/ARCHITECTURE.md#signing). */
public enum IdentityMethod implements WireEnum {
    /** Confirmed an address through a mailed link. */
    EMAIL("email"),
    /** Signed in with the ORCID iD. */
    ORCID("orcid");

    private final String wire;

    IdentityMethod(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
