package org.undersigned.verification;

import org.undersigned.web.WireEnum;

/** How strongly a stated affiliation is proven, weakest to strongest (docs/ARCHITECTURE.md#signing). */
public enum AffiliationLevel implements WireEnum {
    /** No affiliation was given. */
    NONE("none"),
    /** Typed by the signer. */
    SELF("self"),
    /** On the signer's ORCID record, added by the signer. */
    ORCID_SELF("orcid-self"),
    /** An address confirmed at one of the organisation's domains. */
    EMAIL_DOMAIN("email-domain"),
    /** On the ORCID record, written by the institution's member client. */
    ORCID_INSTITUTION("orcid-institution"),
    /** Attested by an organiser of the letter, signed. */
    ATTESTED("attested");

    private final String wire;

    AffiliationLevel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The level spelled {@code wire}; it must be one. */
    public static AffiliationLevel of(String wire) {
        return WireEnum.parse(AffiliationLevel.class, wire).orElseThrow(() -> new IllegalArgumentException(wire));
    }
}
