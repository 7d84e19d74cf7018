package dev.bulwark.agent.admission;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server on a unix socket, as Docker's plugin client speaks it: POST requests with a
 * {@code Content-Length} body (or chunked), answered with a JSON body, connections kept alive. The socket is
 * readable and writable by root only. Each connection has its own thread, so a request the plugin makes to the
 * engine while the engine waits on another answer cannot deadlock.
 */
final class UnixHttpServer implements AutoCloseable {

    /** What answers one request. */
    interface Handler {
        /** The answer to a POST of this body to this path: a status and a JSON body. */
        Answer handle(String path, byte[] body);
    }

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, byte[] json) {
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final ExecutorService connections;
    private final Thread acceptor;
    private final Consumer<String> warn;
    private final Object fileKey;
    private final long inode;
    private final Set<SocketChannel> open;

    private UnixHttpServer(ServerSocketChannel server, Path socket, ExecutorService connections, Thread acceptor,
                           Set<SocketChannel> open, Consumer<String> warn) throws IOException {
        this.warn = warn;
        this.open = open;
        this.fileKey = fileKey(socket);
        this.inode = inodeOf(socket);
        this.server = server;
        this.socket = socket;
        this.connections = connections;
        this.acceptor = acceptor;
    }

    /**
     * Listens on the socket and serves until closed. The socket is bound beside its path and renamed over it, so
     * the path always names a socket that answers, the one it replaces (a stale one, a fallback's) until the rename:
     * the engine's plugin client, which retries a refused connection with the request's body already spent, never
     * finds it missing.
     */
    static UnixHttpServer start(Path socket, Handler handler, Consumer<String> warn) {
        try {
            Files.createDirectories(socket.getParent());
            Path beside = socket.resolveSibling("." + socket.getFileName() + "." + ProcessHandle.current().pid() + ".new");
            Files.deleteIfExists(beside);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(beside), 64);
            Files.setPosixFilePermissions(beside, PosixFilePermissions.fromString("rw-------"));
            Files.move(beside, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicInteger count = new AtomicInteger();
            ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bulwark-admission-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
            Thread acceptor = new Thread(() -> accept(server, connections, open, handler, warn), "bulwark-admission-accept");
            acceptor.setDaemon(true);
            UnixHttpServer started = new UnixHttpServer(server, socket, connections, acceptor, open, warn);
            acceptor.start();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + socket + " (" + e.getMessage() + "): the agent must run as"
                    + " root to serve Docker's plugin socket, and no other process may hold it", e);
        }
    }

    /** The socket it listens on. */
    Path socket() {
        return socket;
    }

    /** Whether a server answers on the socket: a connection to it is accepted. */
    static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException nobody) {
            return false;
        }
    }

    /** The inode of this server's socket: what an agent hands over to its fallback. */
    long inode() {
        return inode;
    }

    /** The inode the socket's path names now, or -1 when there is none. */
    static long inodeOf(Path socket) {
        try {
            return (Long) Files.getAttribute(socket, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return -1;
        }
    }

    /** Whether the socket's path still names this server's socket (not removed, not taken over by another process). */
    boolean ownsSocket() {
        try {
            return fileKey.equals(fileKey(socket));
        } catch (IOException gone) {
            return false;
        }
    }

    private static Object fileKey(Path socket) throws IOException {
        return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static void accept(ServerSocketChannel server, ExecutorService connections, Set<SocketChannel> open,
                               Handler handler, Consumer<String> warn) {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                open.add(channel);
                connections.execute(() -> {
                    serve(channel, handler, warn);
                    open.remove(channel);
                });
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                warn.accept("admission socket: accepting a connection failed: " + e.getMessage());
            }
        }
    }

    private static void serve(SocketChannel channel, Handler handler, Consumer<String> warn) {
        try (channel; InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
             OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                HttpMessages.Request request = HttpMessages.next(in);
                if (request == null) {
                    return;
                }
                Answer answer = request.method().equals("POST") ? handler.handle(request.path(), request.body())
                        : new Answer(405, "{\"Err\":\"use POST\"}".getBytes(StandardCharsets.UTF_8));
                HttpMessages.write(out, answer);
                if (request.close()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            warn.accept("admission socket: a connection ended with an error: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            boolean own = ownsSocket();
            server.close();
            if (own) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            warn.accept("admission socket " + socket + " was not removed: " + e.getMessage());
        }
        acceptor.interrupt();
        for (SocketChannel channel : open) {
            try {
                channel.close();
            } catch (IOException e) {
                warn.accept("admission socket: a connection did not close: " + e.getMessage());
            }
        }
        connections.shutdownNow();
    }
}
