package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.scanner.testing.Containers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent end to end with the real Docker engine: a rule that denies shells stops a container that gets a
 * shell through docker exec or by forking one itself; a monitored container only alerts; a container started
 * while the agent was down is found when it comes back.
 */
class AgentAcceptanceTest {

    @TempDir
    Path temp;

    private final List<String> containers = new ArrayList<>();
    private AgentConfig config;
    private AgentDaemon agent;

    @BeforeEach
    void writePolicyAndConfig() throws Exception {
        Path policy = temp.resolve("policy.yaml");
        Files.writeString(policy, String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy", "metadata: {name: runtime-test}",
                "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/sh', '**/bash']}",
                "  admission: {deniedCapabilities: [NET_ADMIN], deniedMounts: [/etc]}", "  responses: [alert, stop]", ""));
        Path file = temp.resolve("agent.yaml");
        Files.writeString(file, "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        config = AgentConfig.load(file);
    }

    @AfterEach
    void cleanUp() {
        if (agent != null) {
            agent.close();
        }
        for (String name : containers) {
            try {
                Containers.exec(List.of("docker", "rm", "-f", name));
            } catch (IllegalStateException alreadyGone) {
                // Removed by the test itself.
            }
        }
    }

    private String run(String... command) {
        return runOn("none", command);
    }

    private String runOn(String network, String... command) {
        String name = "bulwark-agent-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--network", network));
        args.addAll(List.of(command));
        Containers.exec(args);
        containers.add(name);
        return name;
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private List<AuditEntry> auditOf(String name) {
        String id = Containers.exec(List.of("docker", "inspect", "-f", "{{.Id}}", name)).strip();
        return agent.audit().forContainer(id);
    }

    @Test
    void stopsAContainerThatGetsAShellThroughDockerExec() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());
        String name = run("bulwark-test/busybox", "sleep", "3600");
        Thread.sleep(500);

        Containers.exec(List.of("docker", "exec", "-d", name, "sh", "-c", "sleep 30"));

        assertThat(within(Duration.ofSeconds(10), () -> !DockerCli.running(name))).as("stopped; audit: %s", auditOf(name)).isTrue();
        assertThat(auditOf(name)).anySatisfy(entry -> {
            assertThat(entry.rule()).isEqualTo("deniedExecutables");
            assertThat(entry.decision()).isEqualTo("block");
            assertThat(entry.response()).isEqualTo("stop");
            assertThat(entry.observationJson()).contains("sh");
        });
    }

    @Test
    void stopsAContainerWhoseOwnProcessForksAShell() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());
        String name = run("bulwark-test/busybox", "watch", "-n", "2", "sh", "-c", "true");

        assertThat(within(Duration.ofSeconds(15), () -> !DockerCli.running(name))).as("stopped").isTrue();
        assertThat(auditOf(name)).anySatisfy(entry -> {
            assertThat(entry.rule()).isEqualTo("deniedExecutables");
            assertThat(entry.observationJson()).contains("proc-").contains("sh");
        });
    }

    @Test
    void stopsAContainerOverADeniedConnectionThatLastedMilliseconds() throws Exception {
        Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: runtime-test}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {outbound: {deny: ['0.0.0.0/0:4444']}}", "  responses: [alert, stop]", ""));
        agent = AgentDaemon.start(AgentConfig.load(temp.resolve("agent.yaml")), Clock.systemUTC());
        String peer = runOn("bridge", "bulwark-test/busybox", "nc", "-ll", "-p", "4444", "-e", "true"); // answers and hangs up
        String client = runOn("bridge", "bulwark-test/busybox", "sleep", "3600");
        String peerAddress = Containers.exec(List.of("docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}", peer)).strip();
        Thread.sleep(500);

        long started = System.nanoTime();
        Containers.exec(List.of("docker", "exec", client, "nc", "-w", "1", peerAddress, "4444"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the exec and its connection took less than a poll")
                .isLessThan(Duration.ofSeconds(1));

        assertThat(within(Duration.ofSeconds(10), () -> !DockerCli.running(client))).as("stopped; audit: %s", auditOf(client)).isTrue();
        assertThat(auditOf(client)).anySatisfy(entry -> {
            assertThat(entry.rule()).isEqualTo("outbound.deny");
            assertThat(entry.decision()).isEqualTo("block");
            assertThat(entry.observationJson()).contains(peerAddress, "4444");
        });
        assertThat(auditOf(peer)).as("the peer only accepted it (an exec gone before it was read is recorded, not judged)")
                .filteredOn(entry -> !entry.decision().equals("gap")).isEmpty();
    }

    @Test
    void stopsAContainerThatFloodsTheFileSensorsBeforeItsForbiddenWrite() throws Exception {
        Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: runtime-test}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {writablePaths: ['/tmp/**']}", "  responses: [alert, stop]", ""));
        agent = AgentDaemon.start(AgentConfig.load(temp.resolve("agent.yaml")), Clock.systemUTC());
        String name = run("bulwark-test/busybox", "sleep", "3600");
        Thread.sleep(500);

        // 100,001 allowed files (more than the writable layer is read for, and enough to overflow a file-event
        // queue), then the write the rule forbids.
        Containers.exec(List.of("docker", "exec", name, "sh", "-c",
                "mkdir /tmp/many && cd /tmp/many && seq 100001 | xargs touch && echo x > /etc/evil"));

        assertThat(within(Duration.ofSeconds(90), () -> !DockerCli.running(name))).as("stopped; audit: %s", auditOf(name)).isTrue();
        assertThat(auditOf(name)).anySatisfy(entry -> {
            assertThat(entry.rule()).isEqualTo("writablePaths");
            assertThat(entry.decision()).isEqualTo("block");
            assertThat(entry.observationJson()).contains("/etc/evil");
        });
    }

    @Test
    void onlyAlertsOnAContainerLabelledMonitor() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());
        String name = run("--label", "bulwark.mode=monitor", "bulwark-test/busybox", "sleep", "3600");
        Thread.sleep(500);

        Containers.exec(List.of("docker", "exec", name, "sh", "-c", "true"));

        assertThat(within(Duration.ofSeconds(5), () -> !auditOf(name).isEmpty())).isTrue();
        Thread.sleep(1000);
        assertThat(DockerCli.running(name)).isTrue();
        // A gap (an exec gone before it could be read) records what was not seen; it is not a decision.
        List<AuditEntry> decisions = auditOf(name).stream().filter(entry -> !entry.decision().equals("gap")).toList();
        assertThat(decisions).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.decision()).isEqualTo("alert");
            assertThat(entry.mode()).isEqualTo("monitor");
        });
    }

    @Test
    void stopsAContainerGivenADeniedCapabilityOrMount() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());

        String capability = run("--cap-add", "NET_ADMIN", "bulwark-test/busybox", "sleep", "3600");
        String mount = run("-v", "/etc:/host-etc:ro", "bulwark-test/busybox", "sleep", "3600");

        assertThat(within(Duration.ofSeconds(10), () -> !DockerCli.running(capability) && !DockerCli.running(mount))).as("stopped").isTrue();
        assertThat(auditOf(capability)).anySatisfy(entry -> assertThat(entry.rule()).isEqualTo("admission.deniedCapabilities"));
        assertThat(auditOf(mount)).anySatisfy(entry -> assertThat(entry.rule()).isEqualTo("admission.deniedMounts"));
    }

    @Test
    void judgesOtherContainersWhileAStopWaitsOutItsGracePeriod() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());
        String first = run("bulwark-test/busybox", "sleep", "3600"); // PID 1 ignores SIGTERM: a stop takes the full grace
        String second = run("bulwark-test/busybox", "sleep", "3600");
        Thread.sleep(500);

        Containers.exec(List.of("docker", "exec", "-d", first, "sh", "-c", "sleep 30"));
        assertThat(within(Duration.ofSeconds(5), () -> auditOf(first).stream().anyMatch(e -> e.detail().endsWith("stop under way"))))
                .isTrue();
        Containers.exec(List.of("docker", "exec", "-d", second, "sh", "-c", "sleep 30"));
        boolean secondJudged = within(Duration.ofSeconds(5), () -> auditOf(second).stream().anyMatch(e -> e.decision().equals("block")));
        boolean firstStillStopping = DockerCli.running(first);

        assertThat(secondJudged).as("the second container is judged").isTrue();
        assertThat(firstStillStopping).as("while the first one's stop still waits out its grace period").isTrue();
        assertThat(within(Duration.ofSeconds(15), () -> !DockerCli.running(first) && !DockerCli.running(second))).as("both stopped").isTrue();
        List<AuditEntry> firstEntries = auditOf(first).stream().filter(e -> e.decision().equals("block")).toList();
        assertThat(firstEntries).as("the decision at the event's time, then the stop at its own").hasSizeGreaterThanOrEqualTo(2);
        AuditEntry decided = firstEntries.stream().filter(e -> e.detail().endsWith("stop under way")).findFirst().orElseThrow();
        AuditEntry done = firstEntries.stream().filter(e -> e.detail().contains("stop: stopped")).findFirst().orElseThrow();
        assertThat(Duration.between(decided.at(), done.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void picksUpAContainerStartedWhileTheAgentWasStopped() throws Exception {
        agent = AgentDaemon.start(config, Clock.systemUTC());
        agent.close();
        agent = null;
        String name = run("bulwark-test/busybox", "sleep", "3600");
        agent = AgentDaemon.start(config, Clock.systemUTC());
        Thread.sleep(500);

        Containers.exec(List.of("docker", "exec", "-d", name, "sh", "-c", "sleep 30"));

        assertThat(within(Duration.ofSeconds(10), () -> !DockerCli.running(name))).as("stopped; audit: %s", auditOf(name)).isTrue();
    }
}
