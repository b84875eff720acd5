package org.undersigned.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which network a request comes from, for rate limits. X-Forwarded-For is believed only when the peer is one of
 * the configured trusted proxies; then the client is the right-most address that is not itself a trusted proxy.
 * IPv6 clients are grouped by /64, since one host usually holds a whole /64, and also by /48, the usual size of
 * one site's allocation, so that a site cannot multiply its allowance by spreading over its 65,536 /64s.
 */
@ApplicationScoped
public class ClientNetwork {

    /** {@code undersigned.trusted-proxies}: comma-separated addresses or CIDRs; none by default. */
    @ConfigMapping(prefix = "undersigned.trusted-proxies")
    interface TrustedProxies {
        @WithParentName
        Optional<List<String>> entries();
    }

    /**
     * The buckets a client counts against: its network (IPv4 address, IPv6 /64) and, for IPv6, its site (/48), which
     * gets a larger allowance.
     */
    public record Networks(String network, Optional<String> site) {}

    private final List<Cidr> trusted;

    ClientNetwork(TrustedProxies trustedProxies) {
        this.trusted = trustedProxies.entries().orElse(List.of()).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    public String of(HttpServerRequest request) {
        return network(client(request));
    }

    /** The client's network and, for IPv6, its /48 site. */
    public Networks networks(HttpServerRequest request) {
        return networks(client(request));
    }

    /** Whether any trusted proxy is configured (without one, X-Forwarded-For is never believed). */
    public boolean trustsProxies() {
        return !trusted.isEmpty();
    }

    static Networks networks(String client) {
        return new Networks(network(client), site(client));
    }

    private String client(HttpServerRequest request) {
        return client(peer(request), request.getHeader("X-Forwarded-For"));
    }

    static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    /** The network (IPv4 address, IPv6 /64) of an address an organiser names, as {@link #of} would give it. */
    public String ofAddress(String address) {
        return network(address);
    }

    String of(String peer, String forwarded) {
        return network(client(peer, forwarded));
    }

    String client(String peer, String forwarded) {
        String client = peer;
        if (forwarded != null && isTrusted(peer)) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                client = hops[i].strip();
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        return address(address)
                .map(a -> trusted.stream().anyMatch(c -> c.contains(a)))
                .orElse(false);
    }

    static String network(String address) {
        return address(address)
                .map(a -> a.getAddress().length == 16 ? prefix(a.getAddress(), 64) : a.getHostAddress())
                .orElse("unknown");
    }

    /** The /48 an IPv6 address belongs to; empty for IPv4, where the address itself is the only bucket. */
    static Optional<String> site(String address) {
        return address(address)
                .map(InetAddress::getAddress)
                .filter(b -> b.length == 16)
                .map(b -> prefix(b, 48));
    }

    /** An IPv6 prefix of 48 or 64 bits, written with every group in full ("2001:0db8:0001::/48"). */
    private static String prefix(byte[] b, int bits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bits / 8; i += 2) {
            s.append(String.format("%02x%02x:", b[i], b[i + 1]));
        }
        return s + ":/" + bits;
    }

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    /** A literal address; empty for anything else (a host name is never resolved). */
    static Optional<InetAddress> address(String text) {
        // only literal addresses: never resolve a name taken from a header
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            InetAddress a = address(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            "undersigned.trusted-proxies: not an IP address or CIDR: " + text));
            int max = a.getAddress().length * 8;
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : max;
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("undersigned.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(a.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
