package org.undersigned.signatures;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Sign-up limits under {@code undersigned.rate-limit} (whether limits apply at all, {@code enabled}, belongs to
 * {@code web.RateLimiter}).
 */
@ConfigMapping(prefix = "undersigned.rate-limit")
interface SigningLimits {

    /** Sign-ups per client network (IPv4 address, IPv6 /64) per period; mailed links get twice as many. */
    long networkSigns();

    /** Sign-ups per mailbox (the mailbox key of an address) per period. */
    long emailSigns();

    /**
     * Sign-ups per mailbox domain per period, except at shared webmail providers: a catch-all domain can mint
     * addresses without end.
     */
    long domainSigns();

    Duration period();
}
