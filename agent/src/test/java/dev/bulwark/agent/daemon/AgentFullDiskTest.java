package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.scanner.testing.SmallDisk;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.sensor.Await;
import dev.bulwark.scanner.testing.Containers;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the agent's state: blocking goes on, the health endpoint says what waits, and the audit entries
 * held meanwhile are written once there is room again.
 */
class AgentFullDiskTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsBlockingOnAFullDiskAndWritesTheHeldAuditEntriesOnceThereIsRoom() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: full-disk}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/sh']}", "  responses: [alert, stop]", ""));
        String name = "bulwark-full-disk-" + UUID.randomUUID().toString().substring(0, 8);
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("state"), 8)) {
            Files.writeString(temp.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: " + disk.root() + "\nmetricsPort: "
                    + port + "\nprevention: false\n");
            try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(temp.resolve("agent.yaml")), Clock.systemUTC())) {
                Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox",
                        "sleep", "3600"));
                Thread.sleep(500);
                disk.fill();

                Containers.exec(List.of("docker", "exec", "-d", name, "sh", "-c", "sleep 30"));

                Await.until(Duration.ofSeconds(15), () -> !DockerCli.running(name), () -> "not stopped on a full disk; "
                        + get(port, "/metrics").body().lines().filter(line -> line.startsWith("bulwark_agent_")
                                && !line.contains("_bucket")).toList());
                HttpResponse<String> health = get(port, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("audit entries wait to be written");
                assertThat(get(port, "/metrics").body()).containsPattern("bulwark_agent_audit_failures_total [1-9]");

                disk.free();

                String id = Containers.exec(List.of("docker", "inspect", "-f", "{{.Id}}", name)).strip();
                Await.until(Duration.ofSeconds(15), () -> agent.audit().forContainer(id).stream()
                        .anyMatch(AgentFullDiskTest::theBlock), () -> "the held block was not written");
                Await.until(Duration.ofSeconds(10), () -> get(port, "/health").statusCode() == 200,
                        () -> "not healthy again: " + get(port, "/health").body());
            } finally {
                Containers.exec(List.of("docker", "rm", "-f", name));
            }
        }
    }

    private static boolean theBlock(AuditEntry entry) {
        return entry.rule().equals("deniedExecutables") && entry.decision().equals("block") && entry.observationJson().contains("sh");
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
