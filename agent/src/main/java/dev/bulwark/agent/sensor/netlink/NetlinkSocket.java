package dev.bulwark.agent.sensor.netlink;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;

/**
 * A netlink socket bound to kernel multicast groups (process events, connection tracking events): open, receive
 * until closed. Not thread-safe.
 */
public final class NetlinkSocket implements AutoCloseable {

    /** The netlink families the sensors use. */
    public enum Family {
        /** The process events connector (exec events). */
        CONNECTOR(LibC.NETLINK_CONNECTOR),
        /** Netfilter: connection tracking events. */
        NETFILTER(LibC.NETLINK_NETFILTER);

        private final int protocol;

        Family(int protocol) {
            this.protocol = protocol;
        }
    }

    /** What one receive got. */
    public sealed interface Received {
        /** The value of the function for what was received; a new kind does not compile until the reader has it. */
        <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun);
    }

    /** A datagram of {@code length} bytes. */
    public record Datagram(int length) implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return datagram.apply(this);
        }
    }

    /** Nothing arrived within the receive timeout: the caller may check whether it should stop. */
    public record TimedOut() implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return timedOut.apply(this);
        }
    }

    /** The socket buffer overflowed (ENOBUFS): the kernel dropped events. The socket stays usable. */
    public record Overrun() implements Received {
        @Override
        public <R> R match(Function<Datagram, R> datagram, Function<TimedOut, R> timedOut, Function<Overrun, R> overrun) {
            return overrun.apply(this);
        }
    }

    /** Opening or subscribing failed: {@code step} says which call, {@code errno} why ({@code -1}: not Linux). */
    public static final class OpenFailed extends RuntimeException {
        private final int errno;

        OpenFailed(String step, int errno, Throwable cause) {
            super(step + " failed" + (errno >= 0 ? " (errno " + errno + ")" : ""), cause);
            this.errno = errno;
        }

        /** The error number of the failed call, {@code -1} when netlink is not available at all. */
        public int errno() {
            return errno;
        }
    }

    private final int fd;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens a socket of the family, binds it to the multicast {@code groups} (a bit mask), and sends {@code subscribe}
     * when it is not empty (the process connector wants one).
     */
    public static NetlinkSocket open(Family family, int groups, byte[] subscribe, int receiveBufferBytes, int receiveTimeoutMillis) {
        if (!LibC.available()) {
            throw new OpenFailed("netlink on " + System.getProperty("os.name"), -1, null);
        }
        int fd;
        try {
            fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, family.protocol);
        } catch (LastErrorException e) {
            throw new OpenFailed("opening a netlink socket of family " + family, e.getErrorCode(), e);
        }
        NetlinkSocket socket = new NetlinkSocket(fd);
        try {
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, intValue(receiveBufferBytes), 4);
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval(receiveTimeoutMillis), 16);
            byte[] address = bindAddress(groups);
            LibC.bind(fd, address, address.length);
            if (subscribe.length > 0) {
                LibC.send(fd, subscribe, subscribe.length, 0);
            }
            return socket;
        } catch (LastErrorException e) {
            socket.close();
            throw new OpenFailed("subscribing to " + family + " events", e.getErrorCode(), e);
        }
    }

    /** Receives one datagram into the buffer, or says why none came. */
    public Received receive(byte[] buffer) {
        try {
            return new Datagram((int) LibC.recv(fd, buffer, buffer.length, 0));
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case LibC.EAGAIN, LibC.EINTR -> new TimedOut();
                case LibC.ENOBUFS -> new Overrun();
                default -> throw new IllegalStateException("receiving netlink events failed (errno " + e.getErrorCode() + ")", e);
            };
        }
    }

    @Override
    public void close() {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            throw new IllegalStateException("closing a netlink socket failed (errno " + e.getErrorCode() + ")", e);
        }
    }

    /** The {@code sockaddr_nl} to bind to: family, pad, port ID 0 (the kernel picks), multicast groups. */
    static byte[] bindAddress(int groups) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups).array();
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
