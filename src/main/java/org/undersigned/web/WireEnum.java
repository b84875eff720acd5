package org.undersigned.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose constants have a spelling of their own on the wire (database, JSON, log, templates), e.g.
 * {@code EMAIL_DOMAIN} is "email-domain". The spelling is part of the public contract and never changes with the
 * constant's name.
 */
public interface WireEnum {

    String wire();

    /** The spelling of {@code value}, or null for null. */
    static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }

    /** The constant spelled {@code wire}, if there is one. */
    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.wire().equals(wire))
                .findFirst();
    }
}
