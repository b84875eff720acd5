package org.undersigned.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    private final ClientNetwork untrusting = new ClientNetwork(Optional::empty);
    private final ClientNetwork behindProxy =
            new ClientNetwork(() -> Optional.of(List.of("10.0.0.0/8", "192.168.1.7")));

    @Test
    void forwardedForIsIgnoredByDefault() {
        assertEquals("203.0.113.9", untrusting.of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
        assertEquals("203.0.113.9", behindProxy.of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostUntrustedHop() {
        // the left-most entry is whatever the client claimed; only hops added by our proxies are believed
        assertEquals("198.51.100.1", behindProxy.of("10.1.2.3", "1.2.3.4, 198.51.100.1, 192.168.1.7"));
    }

    @Test
    void ipv6ClientsAreGroupedBySlash64() {
        assertEquals(untrusting.of("2001:db8:1:2:aaaa::1", null), untrusting.of("2001:db8:1:2:bbbb::2", null));
        assertEquals("2001:0db8:0001:0002::/64", untrusting.of("2001:db8:1:2::1", null));
    }

    @Test
    void ipv6ClientsAlsoCountAgainstTheirSlash48AndIpv4ClientsOnlyAgainstTheirAddress() {
        ClientNetwork.Networks a = ClientNetwork.networks("2001:db8:1:2::1");
        ClientNetwork.Networks b = ClientNetwork.networks("2001:db8:1:ffff::1");
        assertEquals(Optional.of("2001:0db8:0001::/48"), a.site());
        assertEquals(a.site(), b.site());
        assertNotEquals(a.network(), b.network());
        assertNotEquals(a.site(), ClientNetwork.networks("2001:db8:2:2::1").site());
        assertEquals(
                new ClientNetwork.Networks("203.0.113.9", Optional.empty()), ClientNetwork.networks("203.0.113.9"));
    }

    @Test
    void hostNamesInHeadersAreNeverResolved() {
        assertEquals("unknown", behindProxy.of("10.0.0.1", "attacker.example"));
    }

    @Test
    void aBadTrustedProxySettingFailsAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new ClientNetwork(() -> Optional.of(List.of("not-an-ip"))));
    }
}
