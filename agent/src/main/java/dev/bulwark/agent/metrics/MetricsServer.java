package dev.bulwark.agent.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@link AgentMetrics} at {@code /metrics} for Prometheus to scrape, and the agent's health at {@code /health}
 * (200 when well, 503 with what is wrong) for a container's HEALTHCHECK, systemd or a load balancer. It listens on
 * the loopback address unless configured otherwise: the agent runs as root next to the containers it guards, so its
 * endpoints are not for the network unless an operator says so.
 */
public final class MetricsServer implements AutoCloseable {

    static final String PATH = "/metrics";
    static final String HEALTH = "/health";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param host     the address to listen on
     * @param port     the port, or 0 for any free one (see {@link #port()})
     * @param problems what is wrong with the agent now; empty when it is well
     */
    public static MetricsServer start(AgentMetrics metrics, InetAddress host, int port, Supplier<List<String>> problems) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(problems, "problems");
        InetSocketAddress address = new InetSocketAddress(host, port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + address + " (" + e.getMessage()
                    + "): choose another port for the metrics endpoint, or stop what is listening on it", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bulwark-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, metrics, problems));
        server.start();
        return new MetricsServer(server, executor);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, AgentMetrics metrics, Supplier<List<String>> problems) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(PATH) && !path.equals(HEALTH)) {
                reply(exchange, 404, "not found: metrics are at " + PATH + ", health at " + HEALTH + "\n", "text/plain; charset=utf-8");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "use GET\n", "text/plain; charset=utf-8");
            } else if (path.equals(HEALTH)) {
                List<String> wrong = problems.get();
                ObjectNode body = JSON.createObjectNode().put("status", wrong.isEmpty() ? "ok" : "unhealthy");
                if (!wrong.isEmpty()) {
                    wrong.forEach(body.putArray("problems")::add);
                }
                reply(exchange, wrong.isEmpty() ? 200 : 503, body + "\n", "application/json");
            } else {
                reply(exchange, 200, metrics.toPrometheusText(), CONTENT_TYPE);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
