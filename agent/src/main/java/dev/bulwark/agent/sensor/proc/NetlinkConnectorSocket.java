package dev.bulwark.agent.sensor.proc;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;

/** A netlink socket subscribed to the kernel's process events: open, receive until closed. Not thread-safe. */
final class NetlinkConnectorSocket implements AutoCloseable {

    /** What one receive got. */
    sealed interface Received {
        /** The value of the function for what was received; a new kind does not compile until the reader has it. */
        <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun);
    }

    /** A datagram of {@code length} bytes. */
    record Datagram(int length) implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return datagram.apply(this);
        }
    }

    /** Nothing arrived within the receive timeout: the caller may check whether it should stop. */
    record TimedOut() implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return timedOut.apply(this);
        }
    }

    /** The socket buffer overflowed (ENOBUFS): the kernel dropped events. The socket stays usable. */
    record Overrun() implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return overrun.apply(this);
        }
    }

    private final int fd;

    private NetlinkConnectorSocket(int fd) {
        this.fd = fd;
    }

    /** Opens, binds to the process events group and subscribes; fails with what to do when that is not possible. */
    static NetlinkConnectorSocket open(int receiveBufferBytes, int receiveTimeoutMillis) {
        if (!LibC.available()) {
            throw new ProcConnectorUnavailableException("the process events connector needs Linux; "
                    + "use the proc-poll sensor on " + System.getProperty("os.name"), null);
        }
        int fd;
        try {
            fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, LibC.NETLINK_CONNECTOR);
        } catch (LastErrorException e) {
            throw new ProcConnectorUnavailableException("cannot open a NETLINK_CONNECTOR socket (errno "
                    + e.getErrorCode() + "): the kernel needs CONFIG_PROC_EVENTS and the agent must run in the "
                    + "host's network namespace; fall back to the proc-poll sensor", e);
        }
        NetlinkConnectorSocket socket = new NetlinkConnectorSocket(fd);
        try {
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, intValue(receiveBufferBytes), 4);
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval(receiveTimeoutMillis), 16);
            byte[] address = ProcConnectorMessages.bindAddress();
            LibC.bind(fd, address, address.length);
            byte[] listen = ProcConnectorMessages.listenRequest();
            LibC.send(fd, listen, listen.length, 0);
            return socket;
        } catch (LastErrorException e) {
            socket.close();
            throw new ProcConnectorUnavailableException("cannot subscribe to process events (errno "
                    + e.getErrorCode() + "): the agent needs CAP_NET_ADMIN in the initial user and PID "
                    + "namespaces (run it with --pid=host and as root); fall back to the proc-poll sensor", e);
        }
    }

    Received receive(byte[] buffer) {
        try {
            return new Datagram((int) LibC.recv(fd, buffer, buffer.length, 0));
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case LibC.EAGAIN, LibC.EINTR -> new TimedOut();
                case LibC.ENOBUFS -> new Overrun();
                default -> throw new IllegalStateException("receiving process events failed (errno "
                        + e.getErrorCode() + ")", e);
            };
        }
    }

    @Override
    public void close() {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            throw new IllegalStateException("closing the process events socket failed (errno "
                    + e.getErrorCode() + ")", e);
        }
    }

    private static byte[] intValue(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    /** A 64-bit {@code struct timeval}: seconds, microseconds. */
    private static byte[] timeval(int millis) {
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(millis / 1000).putLong((millis % 1000) * 1000L).array();
    }
}
