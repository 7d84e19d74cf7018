package dev.bulwark.agent.bench;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.testing.Containers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Connection → decision latency of the agent. Not a test: run {@code testing/bench/agent.sh}.
 *
 * <p>A container on the default bridge connects, every 1.5 s, to a port this benchmark listens on at the bridge's
 * gateway address, and closes at once (a connection of a few milliseconds). The policy denies that port outbound in
 * protect mode with the ladder {@code [alert]}, so every connection is a block the agent records. Two figures: from
 * the moment this side accepted the connection to the agent's record of the block (negative when the agent decided
 * on the first packet, before the handshake was done), and from the kernel's event reaching the agent (the
 * observation's time) to that record.
 */
public final class ConnectionLatencyBenchmark {

    private ConnectionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String gateway = Containers.exec(List.of("docker", "network", "inspect", "bridge", "-f",
                "{{(index .IPAM.Config 0).Gateway}}")).strip();
        Path work = Files.createTempDirectory("bulwark-connect-bench-");
        BlockingQueue<Long> accepted = new LinkedBlockingQueue<>();
        BlockingQueue<long[]> blocked = new LinkedBlockingQueue<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(gateway), 0));
            int port = server.getLocalPort();
            Thread acceptor = new Thread(() -> accept(server, accepted), "bench-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                    "metadata: {name: bench}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                    "  rules: {outbound: {deny: ['0.0.0.0/0:" + port + "']}}", "  responses: [alert]", ""));
            Files.writeString(work.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\nprevention: false\n");
            String client = "bulwark-bench-connect-" + System.nanoTime();
            List<Long> fromAccept = new ArrayList<>();
            List<Long> fromEvent = new ArrayList<>();
            int missed = 0;
            try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(work.resolve("agent.yaml")), Clock.systemUTC(),
                    entry -> offer(blocked, entry, port))) {
                Thread.sleep(1000);
                Containers.exec(List.of("docker", "run", "-d", "--name", client, "bulwark-test/busybox", "sh", "-c",
                        "while true; do nc -w 1 " + gateway + " " + port + " < /dev/null; sleep 1.5; done"));
                for (int i = 0; i < trials; i++) {
                    Long at = accepted.poll(10, TimeUnit.SECONDS);
                    if (at == null) {
                        throw new IllegalStateException("the container did not connect to " + gateway + ":" + port);
                    }
                    long[] decided = blocked.poll(3, TimeUnit.SECONDS);
                    if (decided == null) {
                        missed++;
                    } else {
                        fromAccept.add((decided[0] - at) / 1_000);
                        fromEvent.add(decided[1]);
                    }
                }
            } finally {
                Containers.exec(List.of("docker", "rm", "-f", client));
            }
            System.out.printf("connection accepted -> decision: p50 %.2f ms, p99 %.2f ms over %d connections (%d missed;"
                    + " negative: decided on the first packet)%n", AgentLatencyBenchmark.percentile(fromAccept, 50) / 1000.0,
                    AgentLatencyBenchmark.percentile(fromAccept, 99) / 1000.0, fromAccept.size(), missed);
            System.out.printf("kernel event -> decision (in the agent): p50 %.2f ms, p99 %.2f ms%n",
                    AgentLatencyBenchmark.percentile(fromEvent, 50) / 1000.0, AgentLatencyBenchmark.percentile(fromEvent, 99) / 1000.0);
        } finally {
            Containers.exec(List.of("rm", "-rf", work.toString()));
        }
    }

    private static void accept(ServerSocket server, BlockingQueue<Long> accepted) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                accepted.offer(System.nanoTime());
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }

    private static void offer(BlockingQueue<long[]> blocked, AuditEntry entry, int port) {
        // the block's own record (its response's record, made when the response is done, follows it)
        if (entry.decision().equals("block") && entry.detail().contains("under way")
                && entry.observationJson().matches(".*\"port\":" + port + "[,}].*")) {
            blocked.offer(new long[] {System.nanoTime(), java.time.Duration.between(entry.at(), java.time.Instant.now()).toNanos() / 1_000});
        }
    }
}
