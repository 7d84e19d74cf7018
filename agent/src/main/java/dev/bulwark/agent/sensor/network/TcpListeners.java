package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.netlink.NetlinkSocket;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCP listeners of each container's network namespace, asked of the kernel through a socket-monitoring socket
 * opened once in that namespace ({@link InetDiagMessages}). Not thread-safe: one polling thread uses it, and opens the
 * sockets (entering a namespace moves the calling thread for the moment it takes).
 */
final class TcpListeners implements AutoCloseable {

    private static final int RECEIVE_TIMEOUT_MILLIS = 1000;
    private static final int ENOENT = 2;

    private record Open(long pid, NetlinkSocket socket) {
    }

    private final Path proc;
    private final Map<String, Open> sockets = new HashMap<>();
    private final byte[] datagram = new byte[32 * 1024];
    private int sequence;

    TcpListeners(Path proc) {
        this.proc = proc;
    }

    /**
     * The TCP (IPv4 and IPv6) listeners in the network namespace of process {@code pid}, the main process of the
     * container. Throws {@link NoSuchFileException} when the process is gone, {@link NetlinkSocket.OpenFailed} or
     * {@link NetlinkSocket.StuckInNamespace} when this host does not let the agent ask (not root, no setns).
     */
    List<SocketEntry> of(String containerId, long pid) throws IOException {
        Open open = sockets.get(containerId);
        if (open == null || open.pid() != pid) {
            forget(containerId);
            open = new Open(pid, openIn(pid));
            sockets.put(containerId, open);
        }
        List<SocketEntry> listeners = new ArrayList<>();
        dump(open.socket(), InetDiagMessages.AF_INET, listeners);
        dump(open.socket(), InetDiagMessages.AF_INET6, listeners);
        return listeners;
    }

    private NetlinkSocket openIn(long pid) throws NoSuchFileException {
        Path namespace = proc.resolve(Long.toString(pid)).resolve("ns").resolve("net");
        try {
            return NetlinkSocket.openIn(NetlinkSocket.Family.SOCK_DIAG, namespace, RECEIVE_TIMEOUT_MILLIS);
        } catch (NetlinkSocket.OpenFailed e) {
            if (e.errno() == ENOENT) {
                throw new NoSuchFileException(namespace.toString());
            }
            throw e;
        }
    }

    private void dump(NetlinkSocket socket, int family, List<SocketEntry> listeners) throws IOException {
        int asked = ++sequence;
        socket.send(InetDiagMessages.listenersRequest(family, asked));
        while (true) {
            NetlinkSocket.Received received = socket.receive(datagram);
            int length = received.match(NetlinkSocket.Datagram::length, timedOut -> -1, overrun -> -2);
            if (length < 0) {
                throw new IOException("the kernel's list of listening sockets " + (length == -1 ? "did not come within "
                        + RECEIVE_TIMEOUT_MILLIS + " ms" : "overflowed the socket buffer"));
            }
            InetDiagMessages.Answer answer = InetDiagMessages.read(datagram, length, asked, listeners);
            if (answer.error() != 0) {
                throw new IOException("the kernel refused to list listening sockets of address family " + family
                        + " (errno " + -answer.error() + ")");
            }
            if (answer.done()) {
                return;
            }
        }
    }

    /** Closes the sockets of containers no longer running. */
    void retain(Set<String> running) {
        List.copyOf(sockets.keySet()).stream().filter(id -> !running.contains(id)).forEach(this::forget);
    }

    private void forget(String containerId) {
        Open open = sockets.remove(containerId);
        if (open != null) {
            open.socket().close();
        }
    }

    @Override
    public void close() {
        List.copyOf(sockets.keySet()).forEach(this::forget);
    }
}
