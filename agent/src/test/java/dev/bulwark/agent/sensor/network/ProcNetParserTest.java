package dev.bulwark.agent.sensor.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.runtime.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixtures are tables captured from a Linux 6.18 x86_64 host with a listener and a loopback connection open. */
class ProcNetParserTest {

    @Test
    void readsListenersAndBothEndsOfALoopbackConnectionFromTcp() throws IOException {
        List<SocketEntry> sockets = ProcNetParser.parse(Protocol.TCP, fixture("tcp"));

        assertThat(sockets).containsExactly(
                new SocketEntry(Protocol.TCP, "0.0.0.0", 2024, "0.0.0.0", 0, 0x0A),
                new SocketEntry(Protocol.TCP, "127.0.0.1", 45124, "0.0.0.0", 0, 0x0A),
                new SocketEntry(Protocol.TCP, "127.0.0.1", 50968, "127.0.0.1", 45124, 0x01),
                new SocketEntry(Protocol.TCP, "127.0.0.1", 45124, "127.0.0.1", 50968, 0x01));
        assertThat(sockets.get(1).isListening()).isTrue();
        assertThat(sockets.get(2).isConnected()).isTrue();
    }

    @Test
    void decodesIpv6AddressesWordByWordInHostByteOrder() throws IOException {
        List<SocketEntry> sockets = ProcNetParser.parse(Protocol.TCP6, fixture("tcp6"));

        assertThat(sockets).containsExactly(
                new SocketEntry(Protocol.TCP6, "::1", 45123, "::", 0, 0x0A),
                new SocketEntry(Protocol.TCP6, "::1", 45123, "::1", 39046, 0x01),
                new SocketEntry(Protocol.TCP6, "::1", 39046, "::1", 45123, 0x01));
    }

    @Test
    void treatsUnconnectedUdpAsListeningAndConnectedUdpAsAConnection() throws IOException {
        List<SocketEntry> sockets = ProcNetParser.parse(Protocol.UDP, fixture("udp"));

        assertThat(sockets).hasSize(2);
        assertThat(sockets.get(0)).satisfies(s -> {
            assertThat(s.localPort()).isEqualTo(45125);
            assertThat(s.isListening()).isTrue();
            assertThat(s.isConnected()).isFalse();
        });
        assertThat(sockets.get(1)).satisfies(s -> {
            assertThat(s.remotePort()).isEqualTo(45125);
            assertThat(s.isListening()).isFalse();
            assertThat(s.isConnected()).isTrue();
        });
    }

    @Test
    void shortensTheLongestZeroRunAndKeepsMappedIpv4Readable() {
        assertThat(ProcNetParser.decodeAddress("B80D0120000000000000000001000000")).isEqualTo("2001:db8::1");
        assertThat(ProcNetParser.decodeAddress("000080FE00000000FFAC4200020011FE")).isEqualTo("fe80::42:acff:fe11:2");
        assertThat(ProcNetParser.decodeAddress("0000000000000000FFFF00000200A8C0")).isEqualTo("::ffff:192.168.0.2");
        assertThat(ProcNetParser.decodeAddress("020011AC")).isEqualTo("172.17.0.2");
    }

    @Test
    void namesTheTableAndLineOfAMalformedEntry() {
        assertThatThrownBy(() -> ProcNetParser.parse(Protocol.TCP, "header\n   0: 0100007F 00000000:0000 0A\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/proc/net/tcp line 2 is not a socket entry");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ProcNetParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
