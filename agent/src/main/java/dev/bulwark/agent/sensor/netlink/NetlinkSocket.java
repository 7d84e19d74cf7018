package dev.bulwark.agent.sensor.netlink;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A netlink socket: bound to kernel multicast groups (process events, connection tracking events) and received from
 * until closed, or opened in a network namespace to ask the kernel about that namespace's sockets. Not thread-safe.
 */
public final class NetlinkSocket implements AutoCloseable {

    /** The netlink families the sensors use. */
    public enum Family {
        /** The process events connector (exec events). */
        CONNECTOR(LibC.NETLINK_CONNECTOR),
        /** Netfilter: connection tracking events. */
        NETFILTER(LibC.NETLINK_NETFILTER),
        /** Socket monitoring: the sockets of the socket's network namespace, by query. */
        SOCK_DIAG(LibC.NETLINK_SOCK_DIAG);

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

    /** The thread could not return to its own network namespace: it must not open sockets any more. */
    public static final class StuckInNamespace extends IllegalStateException {
        StuckInNamespace(String namespace, int errno, Throwable cause) {
            super("could not return from network namespace " + namespace + " (errno " + errno + ")", cause);
        }
    }

    private final int fd;
    private final int receiveTimeoutMillis;
    private final Wakeup wakeup; // null for a query socket, which nobody wakes
    /** poll(2)'s two struct pollfd, kept: receives come from one thread at a time. */
    private final ByteBuffer pollFds = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());

    private NetlinkSocket(int fd, int receiveTimeoutMillis, Wakeup wakeup) {
        this.fd = fd;
        this.receiveTimeoutMillis = receiveTimeoutMillis;
        this.wakeup = wakeup;
    }

    /**
     * Opens a socket of the family, binds it to the multicast {@code groups} (a bit mask), and sends {@code subscribe}
     * when it is not empty (the process connector wants one).
     */
    public static NetlinkSocket open(Family family, int groups, byte[] subscribe, int receiveBufferBytes, int receiveTimeoutMillis) {
        Wakeup wakeup = new Wakeup();
        NetlinkSocket socket;
        try {
            socket = new NetlinkSocket(newSocket(family), receiveTimeoutMillis, wakeup);
        } catch (OpenFailed e) {
            wakeup.close();
            throw e;
        }
        int fd = socket.fd;
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

    /**
     * Opens a socket of the family in the network namespace {@code namespace} (such as {@code /proc/PID/ns/net}); the
     * socket stays in that namespace, the calling thread returns to its own. Throws {@link OpenFailed} (errno 2: the
     * namespace is gone with its last process), or {@link StuckInNamespace} when the thread could not return.
     */
    public static NetlinkSocket openIn(Family family, Path namespace, int receiveTimeoutMillis) {
        int own = openNamespace(Path.of("/proc/thread-self/ns/net"));
        try {
            int target = openNamespace(namespace);
            try {
                LibC.setns(target, LibC.CLONE_NEWNET);
            } catch (LastErrorException e) {
                throw new OpenFailed("entering network namespace " + namespace, e.getErrorCode(), e);
            } finally {
                LibC.close(target);
            }
            NetlinkSocket socket;
            try {
                socket = new NetlinkSocket(newSocket(family), receiveTimeoutMillis, null);
            } finally {
                try {
                    LibC.setns(own, LibC.CLONE_NEWNET);
                } catch (LastErrorException e) {
                    throw new StuckInNamespace(namespace.toString(), e.getErrorCode(), e);
                }
            }
            try {
                LibC.setsockopt(socket.fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval(receiveTimeoutMillis), 16);
                return socket;
            } catch (LastErrorException e) {
                socket.close();
                throw new OpenFailed("setting a receive timeout", e.getErrorCode(), e);
            }
        } finally {
            LibC.close(own);
        }
    }

    private static int openNamespace(Path namespace) {
        if (!LibC.available()) {
            throw new OpenFailed("netlink on " + System.getProperty("os.name"), -1, null);
        }
        try {
            return LibC.open(namespace.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new OpenFailed("opening " + namespace, e.getErrorCode(), e);
        }
    }

    private static int newSocket(Family family) {
        if (!LibC.available()) {
            throw new OpenFailed("netlink on " + System.getProperty("os.name"), -1, null);
        }
        try {
            return LibC.socket(LibC.AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, family.protocol);
        } catch (LastErrorException e) {
            throw new OpenFailed("opening a netlink socket of family " + family, e.getErrorCode(), e);
        }
    }

    /** Sends one request (a whole netlink message) to the kernel. */
    public void send(byte[] message) {
        try {
            LibC.send(fd, message, message.length, 0);
        } catch (LastErrorException e) {
            throw new IllegalStateException("sending a netlink request failed (errno " + e.getErrorCode() + ")", e);
        }
    }

    /**
     * Receives one datagram into the buffer, or says why none came. Waits in poll(2) first, so that a receive timeout,
     * the common case of an idle host, costs no exception; {@link #wake} ends the wait early, as a time-out.
     */
    public Received receive(byte[] buffer) {
        return receive(buffer, receiveTimeoutMillis);
    }

    /** {@link #receive(byte[])}, waiting at most {@code timeoutMillis} this time; one thread at a time. */
    public Received receive(byte[] buffer, int timeoutMillis) {
        try {
            pollFds.clear();
            pollFds.putInt(fd).putShort(LibC.POLLIN).putShort((short) 0);
            if (wakeup != null) {
                pollFds.putInt(wakeup.descriptor()).putShort(LibC.POLLIN).putShort((short) 0);
            }
            if (LibC.poll(pollFds.array(), wakeup == null ? 1 : 2, timeoutMillis) == 0) {
                return new TimedOut();
            }
            if (wakeup != null && pollFds.getShort(14) != 0) {
                wakeup.clear();
            }
            if (pollFds.getShort(6) == 0) {
                return new TimedOut();
            }
            return new Datagram((int) LibC.recv(fd, buffer, buffer.length, 0));
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case LibC.EAGAIN, LibC.EINTR -> new TimedOut();
                case LibC.ENOBUFS -> new Overrun();
                default -> throw new IllegalStateException("receiving netlink events failed (errno " + e.getErrorCode() + ")", e);
            };
        }
    }

    /** Ends a receive waiting in another thread now (it returns {@link TimedOut}); safe to call after close. */
    public void wake() {
        if (wakeup != null) {
            wakeup.ring();
        }
    }

    @Override
    public void close() {
        if (wakeup != null) {
            wakeup.close();
        }
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
