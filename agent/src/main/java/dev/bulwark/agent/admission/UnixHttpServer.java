package dev.bulwark.agent.admission;

import dev.bulwark.policy.text.Numbers;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
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

    /** The largest header section or body accepted: Docker sends request bodies of up to 1 MiB, base64-encoded. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

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

    private UnixHttpServer(ServerSocketChannel server, Path socket, ExecutorService connections, Thread acceptor,
                           Consumer<String> warn) {
        this.warn = warn;
        this.server = server;
        this.socket = socket;
        this.connections = connections;
        this.acceptor = acceptor;
    }

    /** Listens on the socket (replacing a stale one left by a process that is gone) and serves until closed. */
    static UnixHttpServer start(Path socket, Handler handler, Consumer<String> warn) {
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket), 64);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            AtomicInteger count = new AtomicInteger();
            ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bulwark-admission-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            Thread acceptor = new Thread(() -> accept(server, connections, handler, warn), "bulwark-admission-accept");
            acceptor.setDaemon(true);
            UnixHttpServer started = new UnixHttpServer(server, socket, connections, acceptor, warn);
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

    private static void accept(ServerSocketChannel server, ExecutorService connections, Handler handler, Consumer<String> warn) {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                connections.execute(() -> serve(channel, handler, warn));
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
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                Request request = read(in, requestLine);
                Answer answer = request.method().equals("POST") ? handler.handle(request.path(), request.body())
                        : new Answer(405, "{\"Err\":\"use POST\"}".getBytes(StandardCharsets.UTF_8));
                write(out, answer);
                if (request.close()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            warn.accept("admission socket: a connection ended with an error: " + e.getMessage());
        }
    }

    private record Request(String method, String path, byte[] body, boolean close) {
    }

    private static Request read(InputStream in, String requestLine) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + requestLine);
        }
        long length = 0;
        boolean chunked = false;
        boolean close = parts[2].equals("HTTP/1.0");
        int headerBytes = requestLine.length();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_BYTES) {
                throw new IOException("the request's headers exceed " + MAX_BYTES + " bytes");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("not a header: " + header);
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Numbers.parseLong(value, "the Content-Length '" + value + "'");
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunks(in) : exactly(in, length);
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new Request(parts[0], path, body, close);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new EOFException("the connection ended inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            long chunk = Numbers.parseHex((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), "a chunk size");
            if (chunk == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    continue;
                }
                return body.toByteArray();
            }
            if (body.size() + chunk > MAX_BYTES) {
                throw new IOException("the request's body exceeds " + MAX_BYTES + " bytes");
            }
            body.write(exactly(in, chunk));
            line(in);
        }
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("a body of " + length + " bytes is refused: at most " + MAX_BYTES);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("the connection ended " + (length - body.length) + " bytes before the body's end");
        }
        return body;
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= 65536) {
                throw new IOException("a header line exceeds 65536 bytes");
            }
            line.append((char) b);
        }
    }

    private static void write(OutputStream out, Answer answer) throws IOException {
        String head = "HTTP/1.1 " + answer.status() + (answer.status() == 200 ? " OK" : " Error") + "\r\n"
                + "Content-Type: application/vnd.docker.plugins.v1.2+json\r\n"
                + "Content-Length: " + answer.json().length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.json());
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            warn.accept("admission socket " + socket + " was not removed: " + e.getMessage());
        }
        acceptor.interrupt();
        connections.shutdownNow();
    }
}
