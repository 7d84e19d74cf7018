package dev.bulwark.scanner.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.scanner.image.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A registry on the loopback interface that answers each path as a test tells it to: with the truth, with
 * something else, slowly, or never. What a real registry cannot be made to do.
 */
final class HostileRegistry implements AutoCloseable {

    /** How one path is answered. */
    interface Answer {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    HostileRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                Answer answer = answers.get(exchange.getRequestURI().getPath());
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    answer.send(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client gave up on a hostile answer: that is what the test wanted.
                exchange.close();
            }
        });
        server.start();
    }

    /** {@code 127.0.0.1:PORT}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code /v2/REPOSITORY/manifests/REFERENCE} or {@code /v2/REPOSITORY/blobs/DIGEST}. */
    HostileRegistry at(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Serves these bytes under the path, as a registry does. */
    HostileRegistry serving(String path, String mediaType, byte[] body) {
        return at(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", mediaType);
            exchange.getResponseHeaders().add("Docker-Content-Digest", Digests.sha256(body));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    /** Answers nothing at all until the registry is closed. */
    Answer never() {
        return exchange -> closing.await();
    }

    /** Sends the headers and a few bytes of a longer body, then nothing until the registry is closed. */
    Answer stopsAfter(String start, int promised) {
        return exchange -> {
            exchange.sendResponseHeaders(200, promised);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            closing.await();
        };
    }

    /** Sends one byte every {@code millis}, for ever (until the client hangs up or the registry is closed). */
    Answer trickles(long millis) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (closing.getCount() > 0) {
                out.write(' ');
                out.flush();
                Thread.sleep(millis);
            }
        };
    }

    /** Sends spaces as fast as it can, for ever. */
    Answer endless() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] spaces = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = exchange.getResponseBody();
            while (closing.getCount() > 0) {
                out.write(spaces);
            }
        };
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
