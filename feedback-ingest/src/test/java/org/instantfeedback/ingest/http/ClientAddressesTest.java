package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ignores_forwarded_for_from_peers_it_does_not_trust() {
        ClientAddresses none = new ClientAddresses(TrustedProxies.NONE);
        ClientAddresses other = new ClientAddresses(TrustedProxies.parse(List.of("10.0.0.1")));

        assertThat(none.clientOf("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(other.clientOf("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void reads_forwarded_for_from_the_nearest_hop_skipping_trusted_proxies() {
        ClientAddresses behindProxies = new ClientAddresses(TrustedProxies.parse(List.of("10.0.0.0/8", "::1")));

        assertThat(behindProxies.clientOf("10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientOf("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9")).isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientOf("0:0:0:0:0:0:0:1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindProxies.clientOf("10.1.2.3", "not-an-address, 10.2.2.2")).isEqualTo("10.2.2.2");
        assertThat(behindProxies.clientOf("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void reads_networks_and_refuses_what_is_not_an_address() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("192.168.0.0/16", "fd00::/8"));

        assertThat(proxies.trusts(TrustedProxies.literal("192.168.44.1").orElseThrow())).isTrue();
        assertThat(proxies.trusts(TrustedProxies.literal("192.169.0.1").orElseThrow())).isFalse();
        assertThat(proxies.trusts(TrustedProxies.literal("fd12::1").orElseThrow())).isTrue();
        assertThat(TrustedProxies.literal("proxy.example.com")).as("never looked up in DNS").isEmpty();
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
