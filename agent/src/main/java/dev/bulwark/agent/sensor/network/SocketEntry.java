package dev.bulwark.agent.sensor.network;

import dev.bulwark.policy.runtime.Protocol;
import java.util.Objects;

/**
 * One socket from a {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}} table, its addresses decoded.
 *
 * @param protocol      the table it came from
 * @param localAddress  the local address in its textual form ({@code 127.0.0.1}, {@code ::1})
 * @param localPort     the local port
 * @param remoteAddress the remote address, all zeros when there is no peer
 * @param remotePort    the remote port, 0 when there is no peer
 * @param state         the kernel's TCP state code ({@code 0x0A} LISTEN, {@code 0x01} ESTABLISHED…)
 */
public record SocketEntry(Protocol protocol, String localAddress, int localPort, String remoteAddress, int remotePort,
                          int state) {

    static final int ESTABLISHED = 0x01;
    static final int SYN_SENT = 0x02;
    static final int LISTEN = 0x0A;

    public SocketEntry {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    boolean isTcp() {
        return protocol.isTcp();
    }

    boolean hasPeer() {
        return remotePort != 0;
    }

    /** A TCP socket in LISTEN, or a UDP socket bound but not connected to any peer. */
    public boolean isListening() {
        return isTcp() ? state == LISTEN : !hasPeer();
    }

    /** A socket connected (or connecting, for TCP) to a peer. */
    public boolean isConnected() {
        if (!hasPeer()) {
            return false;
        }
        return isTcp() ? state == ESTABLISHED || state == SYN_SENT : state == ESTABLISHED;
    }
}
