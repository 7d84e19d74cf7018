package dev.bulwark.agent.sensor.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerAddressesTest {

    @Test
    void theLocalIpv4AddressesOfAFibTrieAreItsHostRoutesWithoutLoopback() {
        String fibTrie = """
                Main:
                  +-- 0.0.0.0/0 3 0 5
                     |-- 0.0.0.0
                        /0 universe UNICAST
                     +-- 127.0.0.0/8 2 0 2
                        +-- 127.0.0.0/31 1 0 0
                           |-- 127.0.0.0
                              /8 host LOCAL
                           |-- 127.0.0.1
                              /32 host LOCAL
                        |-- 127.255.255.255
                           /32 link BROADCAST
                     +-- 172.17.0.0/16 2 0 2
                        +-- 172.17.0.0/30 2 0 2
                           |-- 172.17.0.0
                              /16 link UNICAST
                           |-- 172.17.0.2
                              /32 host LOCAL
                        |-- 172.17.255.255
                           /32 link BROADCAST
                     |-- 10.9.0.7
                        /32 host LOCAL
                """;
        assertThat(ContainerAddresses.ipv4(fibTrie)).containsExactlyInAnyOrder("172.17.0.2", "10.9.0.7");
    }

    @Test
    void theIpv6AddressesOfIfInet6LeaveOutLoopbackAndLinkLocal() {
        String ifInet6 = """
                00000000000000000000000000000001 01 80 10 80       lo
                fe8000000000000000fc00fffe000001 04 40 20 80     eth0
                fd000000000000000000000000000002 04 40 00 82     eth0
                """;
        assertThat(ContainerAddresses.ipv6(ifInet6)).containsExactly("fd00::2");
    }
}
