package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.undersigned.support.TestClock;

class PeerSharesTest {

    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    private final TestClock clock = new TestClock();
    private final List<PeerShares.Dominance> logged = new ArrayList<>();
    private final PeerShares shares;

    PeerSharesTest() {
        clock.set(START);
        shares = new PeerShares(clock, logged::add);
    }

    @Test
    void onePrivateAddressWithOver90PercentIsReportedOnceWhenItsWindowEnds() {
        send("10.0.3.7", 95);
        send("203.0.113.5", 5);
        assertThat(shares.lastWindow()).isEmpty();
        later(Duration.ofMinutes(5));
        Optional<PeerShares.Dominance> d = shares.lastWindow();
        assertThat(d).get().extracting(PeerShares.Dominance::address).isEqualTo("10.0.3.7");
        assertThat(d.get().percent()).isEqualTo(95);
        assertThat(d.get().total()).isEqualTo(100);
        assertThat(d.get().windowEnd()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        send("10.0.3.7", 3);
        shares.lastWindow();
        assertThat(logged).hasSize(1);
        assertThat(ProxyWarning.message(d.get()))
                .contains("95% of the 100 requests", "10.0.3.7", "UNDERSIGNED_TRUSTED_PROXIES");
    }

    @Test
    void exactly90PercentIsNotOver90() {
        send("192.168.1.2", 90);
        send("198.51.100.1", 10);
        later(Duration.ofMinutes(5));
        assertThat(shares.lastWindow()).isEmpty();
        assertThat(logged).isEmpty();
    }

    @Test
    void aPublicAddressSendingEverythingIsNoProxyWarning() {
        send("203.0.113.5", 100);
        later(Duration.ofMinutes(5));
        assertThat(shares.lastWindow()).isEmpty();
    }

    @Test
    void aFewRequestsSayNothing() {
        send("10.0.0.1", (int) PeerShares.MIN_REQUESTS - 1);
        later(Duration.ofMinutes(5));
        assertThat(shares.lastWindow()).isEmpty();
    }

    @Test
    void theWarningClearsAfterAWindowWithoutDominance() {
        send("10.0.3.7", 50);
        later(Duration.ofMinutes(5));
        assertThat(shares.lastWindow()).isPresent();
        send("10.0.3.7", 10);
        send("198.51.100.1", 10);
        later(Duration.ofMinutes(5));
        assertThat(shares.lastWindow()).isEmpty();
    }

    @Test
    void aQuietWindowClearsTheWarningButTheDominatedOneIsStillLogged() {
        send("10.0.3.7", 50);
        later(Duration.ofMinutes(12));
        assertThat(shares.lastWindow()).isEmpty();
        assertThat(logged).hasSize(1);
    }

    @Test
    void privateMeansWhereAProxyInsideTheDeploymentConnectsFrom() throws Exception {
        for (String a : List.of(
                "127.0.0.6",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.1",
                "192.168.0.1",
                "100.64.0.1",
                "100.127.0.1",
                "169.254.1.1",
                "fd00::1",
                "fc00::1",
                "fe80::1",
                "::1")) {
            assertThat(PeerShares.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("172.32.0.1", "100.128.0.1", "8.8.8.8", "2001:db8::1", "2a00::1")) {
            assertThat(PeerShares.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    private void send(String address, int times) {
        for (int i = 0; i < times; i++) {
            shares.record(address);
        }
    }

    private void later(Duration d) {
        clock.set(clock.instant().plus(d));
    }
}
