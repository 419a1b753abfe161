package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    @Test
    void forwarded_for_is_believed_only_from_a_trusted_proxy() {
        var proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1");
        assertThat(proxies.clientIp("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientIp("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        assertThat(TrustedProxies.none().clientIp("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
    }

    @Test
    void the_client_is_the_right_most_address_that_is_not_a_trusted_proxy() {
        var proxies = TrustedProxies.parse("10.0.0.0/8");
        // a reader can prepend anything; only what our own proxies appended counts
        assertThat(proxies.clientIp("10.0.0.1", "1.1.1.1, 203.0.113.9, 10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientIp("10.0.0.1", "garbage")).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6_blocks_work_and_bad_entries_are_refused_by_name() {
        var proxies = TrustedProxies.parse("fd00::/8");
        assertThat(proxies.clientIp("fd12::1", "2001:db8::5")).isEqualTo("2001:db8::5");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/40")).hasMessageContaining("10.0.0.0/40");
    }

    @Test
    void only_well_formed_ipv4_addresses_inside_a_block_are_trusted() {
        var proxies = TrustedProxies.parse("10.0.0.0/8");
        assertThat(proxies.isTrusted("10.0.0.1")).isTrue();
        assertThat(proxies.isTrusted("10.255.255.255")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
        for (var bad : new String[] {"10.256.0.1", "10.0.0", "10..0.1", "10.0.0.1.", ".10.0.0.1", " 10.0.0.1", "10.0.0.1x",
                "10.0.0.1234", "", "10.0.0.-1"}) {
            assertThat(proxies.isTrusted(bad)).as(bad).isFalse();
        }
        assertThat(proxies.clientIp("10.0.0.1", "203.0.113.9, 10.0.0.300")).isEqualTo("10.0.0.1");
    }
}
