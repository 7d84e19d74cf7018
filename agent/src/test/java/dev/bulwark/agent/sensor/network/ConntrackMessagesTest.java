package dev.bulwark.agent.sensor.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.Protocol;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Datagrams laid out as nfnetlink_conntrack.h says the kernel sends them. */
class ConntrackMessagesTest {

    private static final int NESTED = 0x8000;

    private static byte[] attribute(int type, byte[] payload) {
        int length = 4 + payload.length;
        ByteBuffer buffer = ByteBuffer.allocate((length + 3) & ~3).order(ByteOrder.nativeOrder());
        buffer.putShort((short) length).putShort((short) type).put(payload);
        return buffer.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] port(int port) {
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

    private static byte[] tuple(int type, byte[] source, byte[] destination, int protocol, int sourcePort, int destinationPort) {
        int v6 = source.length == 16 ? 2 : 0;
        byte[] ip = attribute(1 | NESTED, concat(attribute(1 + v6, source), attribute(2 + v6, destination)));
        byte[] proto = attribute(2 | NESTED, concat(attribute(1, new byte[] {(byte) protocol}), attribute(2, port(sourcePort)),
                attribute(3, port(destinationPort))));
        return attribute(type | NESTED, concat(ip, proto));
    }

    private static byte[] message(int type, byte[] attributes) {
        int length = 16 + 4 + attributes.length;
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        buffer.putInt(length).putShort((short) type).putShort((short) 0x600).putInt(0).putInt(0);
        buffer.put((byte) 2).put((byte) 0).putShort((short) 0).put(attributes);
        return buffer.array();
    }

    private static final byte[] CLIENT = {(byte) 172, 17, 0, 3};
    private static final byte[] SERVER = {(byte) 172, 17, 0, 2};

    @Test
    void aNewTcpConnectionGivesBothDirectionsWithPortsInNetworkOrder() {
        byte[] datagram = message(ConntrackMessages.CT_NEW, concat(tuple(1, CLIENT, SERVER, 6, 40312, 8080),
                tuple(2, SERVER, CLIENT, 6, 8080, 40312), attribute(3, new byte[] {0, 0, 0, 8})));
        assertThat(ConntrackMessages.newConnections(datagram, datagram.length)).containsExactly(new ConntrackMessages.NewConnection(
                Protocol.TCP, new ConntrackMessages.Tuple("172.17.0.3", 40312, "172.17.0.2", 8080),
                new ConntrackMessages.Tuple("172.17.0.2", 8080, "172.17.0.3", 40312)));
    }

    @Test
    void udpOverIpv6IsUdp6AndOtherProtocolsAreSkipped() {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        a[0] = (byte) 0xfd;
        a[15] = 2;
        b[0] = (byte) 0xfd;
        b[15] = 3;
        byte[] udp6 = message(ConntrackMessages.CT_NEW, concat(tuple(1, a, b, 17, 5000, 53), tuple(2, b, a, 17, 53, 5000)));
        byte[] icmp = message(ConntrackMessages.CT_NEW, concat(tuple(1, CLIENT, SERVER, 1, 0, 0), tuple(2, SERVER, CLIENT, 1, 0, 0)));
        byte[] both = concat(udp6, icmp);
        assertThat(ConntrackMessages.newConnections(both, both.length)).singleElement()
                .satisfies(c -> {
                    assertThat(c.protocol()).isEqualTo(Protocol.UDP6);
                    assertThat(c.original()).isEqualTo(new ConntrackMessages.Tuple("fd00::2", 5000, "fd00::3", 53));
                });
    }

    @Test
    void truncatedMessagesAndOtherMessageTypesGiveNothing() {
        byte[] whole = message(ConntrackMessages.CT_NEW, concat(tuple(1, CLIENT, SERVER, 6, 1, 2), tuple(2, SERVER, CLIENT, 6, 2, 1)));
        for (int cut = 0; cut < whole.length; cut++) {
            assertThat(ConntrackMessages.newConnections(whole, cut)).as("cut at %d", cut).isEmpty();
        }
        byte[] destroy = message(ConntrackMessages.CT_NEW + 2, concat(tuple(1, CLIENT, SERVER, 6, 1, 2), tuple(2, SERVER, CLIENT, 6, 2, 1)));
        assertThat(ConntrackMessages.newConnections(destroy, destroy.length)).isEmpty();
        byte[] originalOnly = message(ConntrackMessages.CT_NEW, tuple(1, CLIENT, SERVER, 6, 1, 2));
        assertThat(ConntrackMessages.newConnections(originalOnly, originalOnly.length)).isEmpty();
    }
}
