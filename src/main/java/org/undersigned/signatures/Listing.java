package org.undersigned.signatures;

import org.undersigned.web.WireEnum;

/** Whether a signer's name is listed publicly or only counted. */
public enum Listing implements WireEnum {
    PUBLIC("public"),
    PRIVATE("private");

    private final String wire;

    Listing(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The listing a sign-up chose; its form or request was validated to hold "public" or "private". */
    static Listing of(String wire) {
        return WireEnum.parse(Listing.class, wire).orElseThrow(() -> new IllegalArgumentException(wire));
    }
}
