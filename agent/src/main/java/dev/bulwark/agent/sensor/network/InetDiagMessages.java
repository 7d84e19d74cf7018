package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.netlink.NetlinkMessages;
import dev.bulwark.policy.runtime.Protocol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The socket-monitoring requests and answers for TCP listeners (include/uapi/linux/inet_diag.h, sock_diag(7)): a dump
 * request ({@code inet_diag_req_v2}) for the sockets in LISTEN of one address family, answered by one
 * {@code inet_diag_msg} per socket and ended by {@code NLMSG_DONE}. Asking for LISTEN alone lets the kernel walk its
 * listening table only, not the table of every connection on the host that {@code /proc/PID/net/tcp} walks.
 */
final class InetDiagMessages {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_DUMP = 0x300;
    private static final int IPPROTO_TCP = 6;
    private static final int LISTEN_STATES = 1 << SocketEntry.LISTEN;
    /** {@code inet_diag_req_v2}: family, protocol, extensions, pad, states, and a 48-byte {@code inet_diag_sockid}. */
    private static final int REQUEST_BYTES = 56;
    /** {@code inet_diag_msg} up to its inode: family, state, timer, retransmits, sockid, expires, queues, uid, inode. */
    private static final int MESSAGE_BYTES = 72;

    /** A socket of the answer was found, the answer ended, or the kernel refused the request (a negative errno). */
    record Answer(boolean done, int error) {
    }

    private InetDiagMessages() {
    }

    /** The dump request for the TCP listeners of {@code family} ({@link #AF_INET} or {@link #AF_INET6}). */
    static byte[] listenersRequest(int family, int sequence) {
        int length = NetlinkMessages.HEADER + REQUEST_BYTES;
        ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        message.putInt(length).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(sequence).putInt(0);
        message.put((byte) family).put((byte) IPPROTO_TCP).put((byte) 0).put((byte) 0).putInt(LISTEN_STATES);
        return message.array(); // the socket ID stays zero: every socket of the family
    }

    /**
     * Adds the listeners of one datagram of the answer to {@code sockets}; messages of other requests are skipped.
     * Says whether the answer ended, and the kernel's error if it refused the request.
     */
    static Answer read(byte[] datagram, int length, int sequence, List<SocketEntry> sockets) {
        boolean[] done = {false};
        int[] error = {0};
        NetlinkMessages.forEach(datagram, length, (buffer, type, payload, end) -> {
            if (buffer.getInt(payload - NetlinkMessages.HEADER + 8) != sequence) {
                return;
            }
            if (type == NLMSG_DONE) {
                done[0] = true;
            } else if (type == NLMSG_ERROR) {
                done[0] = true;
                error[0] = end - payload >= 4 ? buffer.getInt(payload) : -1;
            } else if (type == SOCK_DIAG_BY_FAMILY && end - payload >= MESSAGE_BYTES) {
                sockets.add(socket(buffer, payload));
            }
        });
        return new Answer(done[0], error[0]);
    }

    /** One {@code inet_diag_msg}: ports in network byte order, addresses as 16 bytes of which IPv4 uses the first 4. */
    private static SocketEntry socket(ByteBuffer buffer, int at) {
        boolean v6 = Byte.toUnsignedInt(buffer.get(at)) == AF_INET6;
        int state = Byte.toUnsignedInt(buffer.get(at + 1));
        int port = Short.toUnsignedInt(buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getShort(at + 4));
        byte[] address = new byte[v6 ? 16 : 4];
        buffer.get(at + 8, address);
        return new SocketEntry(v6 ? Protocol.TCP6 : Protocol.TCP, ProcNetParser.textOf(address), port,
                v6 ? "::" : "0.0.0.0", 0, state);
    }
}
