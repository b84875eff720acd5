package org.undersigned.threads;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the archiver may connect to: public ones only. A page an organiser names must not make this
 * service reach into its own network (cloud metadata at 169.254.169.254, a database, an admin port), so private,
 * loopback, link-local, multicast, unspecified and reserved ranges are refused, checked on the very address
 * connected to (docs/ARCHITECTURE.md#letters-and-threads).
 */
final class PublicAddresses {

    private PublicAddresses() {}

    /** Why the address may not be connected to, or empty when it is public. */
    static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        } else if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        } else if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        } else if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        } else if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return Optional.of("a reserved address"); // RFC 6890: 0.0.0.0/8 "this network", 240.0.0.0/4
            } else if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a private address"); // RFC 6598: 100.64.0.0/10, carrier-grade NAT
            } else if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a reserved address"); // RFC 2544: 198.18.0.0/15, benchmarking
            } else if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("a reserved address"); // RFC 6890: 192.0.0.0/24, protocol assignments
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a private address"); // RFC 4193: fc00::/7, unique local
            }
        }
        return Optional.empty();
    }
}
