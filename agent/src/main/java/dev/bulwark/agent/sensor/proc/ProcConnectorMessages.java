package dev.bulwark.agent.sensor.proc;

import dev.bulwark.agent.sensor.netlink.NetlinkMessages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire format of the kernel's process events connector (include/uapi/linux/netlink.h, connector.h,
 * cn_proc.h), in host byte order: {@code nlmsghdr} (16 bytes) · {@code cn_msg} (20) · payload. The payload of an
 * event is a {@code proc_event}: what (4) · cpu (4) · timestamp_ns (8, ns since boot) · the per-event union, which
 * for an exec is process_pid (4) · process_tgid (4), and for a fork parent_pid (4) · parent_tgid (4) · child_pid (4)
 * · child_tgid (4).
 */
final class ProcConnectorMessages {

    static final int NLMSG_HEADER = NetlinkMessages.HEADER;
    static final int CN_MSG_HEADER = 20;
    static final int NLMSG_DONE = 3;
    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;
    static final int PROC_CN_MCAST_LISTEN = 1;
    static final int PROC_EVENT_FORK = 0x00000001;
    static final int PROC_EVENT_EXEC = 0x00000002;
    private static final int PROC_EVENT_HEADER = 16;

    private ProcConnectorMessages() {
    }

    /** One exec as the kernel reported it; after exec the thread is its group's leader, so tgid names the process. */
    record ExecEvent(long pid, long tgid, long timestampNanos) {
    }

    /** A new process (not a thread: the child is its own group's leader) and the process that forked it. */
    record ForkEvent(long parentTgid, long childTgid) {
    }

    /** The datagram that subscribes this socket to process events. */
    static byte[] listenRequest() {
        int length = NLMSG_HEADER + CN_MSG_HEADER + 4;
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        buffer.putInt(length).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0);
        buffer.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0).putShort((short) 4).putShort((short) 0);
        buffer.putInt(PROC_CN_MCAST_LISTEN);
        return buffer.array();
    }

    /** The exec events in one received datagram; other events, other connectors and truncated tails are skipped. */
    static List<ExecEvent> execEvents(byte[] datagram, int length) {
        List<ExecEvent> events = new ArrayList<>(1);
        NetlinkMessages.forEach(datagram, length, (buffer, type, payload, end) -> execEvent(buffer, payload, end).ifPresent(events::add));
        return events;
    }

    /** The process forks in one received datagram (threads, other events and truncated tails are skipped). */
    static List<ForkEvent> forkEvents(byte[] datagram, int length) {
        List<ForkEvent> events = new ArrayList<>(1);
        NetlinkMessages.forEach(datagram, length, (buffer, type, payload, end) -> {
            int event = payload + CN_MSG_HEADER;
            if (procEvent(buffer, payload, end, PROC_EVENT_FORK, 16)) {
                long childPid = Integer.toUnsignedLong(buffer.getInt(event + PROC_EVENT_HEADER + 8));
                long childTgid = Integer.toUnsignedLong(buffer.getInt(event + PROC_EVENT_HEADER + 12));
                if (childPid == childTgid) {
                    events.add(new ForkEvent(Integer.toUnsignedLong(buffer.getInt(event + PROC_EVENT_HEADER + 4)), childTgid));
                }
            }
        });
        return events;
    }

    private static boolean procEvent(ByteBuffer buffer, int cnMsg, int end, int what, int unionBytes) {
        int event = cnMsg + CN_MSG_HEADER;
        return event + PROC_EVENT_HEADER + unionBytes <= end && buffer.getInt(cnMsg) == CN_IDX_PROC
                && buffer.getInt(cnMsg + 4) == CN_VAL_PROC && buffer.getInt(event) == what;
    }

    private static Optional<ExecEvent> execEvent(ByteBuffer buffer, int cnMsg, int end) {
        int event = cnMsg + CN_MSG_HEADER;
        if (!procEvent(buffer, cnMsg, end, PROC_EVENT_EXEC, 8)) {
            return Optional.empty();
        }
        long timestamp = buffer.getLong(event + 8);
        long pid = Integer.toUnsignedLong(buffer.getInt(event + PROC_EVENT_HEADER));
        long tgid = Integer.toUnsignedLong(buffer.getInt(event + PROC_EVENT_HEADER + 4));
        return Optional.of(new ExecEvent(pid, tgid, timestamp));
    }
}
