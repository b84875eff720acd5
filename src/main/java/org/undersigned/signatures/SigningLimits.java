package org.undersigned.signatures;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Sign-up limits under {@code undersigned.rate-limit} (whether limits apply at all, {@code enabled}, belongs to
 * {@code web.RateLimiter}).
 */
@ConfigMapping(prefix = "undersigned.rate-limit")
interface SigningLimits {

    /**
     * Sign-ups per client network (IPv4 address, IPv6 /64) per period; asking for a link by mail, and asking to sign in
     * with a passkey, get twice as many each.
     */
    long networkSigns();

    /**
     * How many times a network's allowance an IPv6 /48 (one site, 65,536 /64s) gets, in every per-network limit:
     * a /64 is one host, but a site can hand its visitors as many /64s as it likes.
     */
    long ipv6SiteFactor();

    /**
     * Links per client network per period whose token is not one this service mailed (typed by hand, cut short, or
     * guessed); a genuine link is never limited per network, so people behind one address can all confirm.
     */
    long junkLinks();

    /** Sign-ups per mailbox (the mailbox key of an address) per period. */
    long emailSigns();

    /**
     * Sign-ups per mailbox domain per period, except at shared webmail providers: a catch-all domain can mint
     * addresses without end.
     */
    long domainSigns();

    Duration period();
}
