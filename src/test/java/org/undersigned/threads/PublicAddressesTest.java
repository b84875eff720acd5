package org.undersigned.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "93.184.215.14, public",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c, public",
        "127.0.0.1, a loopback address",
        "::1, a loopback address",
        "0.0.0.0, the unspecified address",
        "10.1.2.3, a private address",
        "172.16.0.1, a private address",
        "192.168.1.1, a private address",
        "100.64.0.1, a private address",
        "169.254.169.254, a link-local address",
        "fe80::1, a link-local address",
        "fd12:3456::1, a private address",
        "224.0.0.1, a multicast address",
        "198.18.0.1, a reserved address",
        "240.0.0.1, a reserved address",
        "0.1.2.3, a reserved address",
        "::ffff:10.0.0.1, a private address",
    })
    void onlyPublicAddressesMayBeFetched(String address, String expected) throws Exception {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(address), false)
                        .orElse("public"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "::1"})
    void loopbackIsAllowedOnlyByTheTestSetting(String address) throws Exception {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(address), true))
                .isEmpty();
        assertThat(PublicAddresses.refusal(InetAddress.getByName("10.0.0.1"), true))
                .isPresent();
    }
}
