package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.agent.prevent.GuardedAgentMain;
import dev.bulwark.agent.response.ResponsesUnderWay;
import dev.bulwark.agent.response.ResponsesUnderWay.UnderWay;
import dev.bulwark.agent.sensor.Await;
import dev.bulwark.policy.runtime.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent killed with SIGKILL in the middle of a response (a stop waiting out its grace period) loses nothing: the
 * next agent to start on the host finishes the response, or records how it ended, and the audit log's table and
 * journal still agree entry for entry.
 */
class AgentCrashTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final DockerCli docker = new DockerCli();
    private Path config;
    private Process process;
    private AgentDaemon agent;

    @BeforeEach
    void writePolicyAndConfig() throws IOException {
        // No exec guard: a shell is then stopped after the fact, by a response that can be interrupted.
        Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: crash-test}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/sh']}", "  responses: [alert, stop]", ""));
        config = Files.writeString(temp.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\nprevention: false\n");
    }

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (agent != null) {
            agent.close();
        }
        docker.removeAll();
    }

    @Test
    void aRestartedAgentFinishesTheStopAKilledAgentLeftUnderWay() throws Exception {
        String id = docker.runSleeper(DockerCli.uniqueName("crash"), "--network", "none");
        process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), GuardedAgentMain.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("first-agent.log").toFile()).start();
        Await.until(AT_MOST, () -> log("first-agent.log").contains("watching"), () -> log("first-agent.log"));

        DockerCli.docker("exec", id, "/bin/sh", "-c", "true");
        Await.until(AT_MOST, () -> journal().contains("stop under way"), this::journal);
        process.destroyForcibly().waitFor(); // SIGKILL, within moments of the stop being begun: its grace period is 2 s
        process = null;
        boolean runningAfterTheKill = DockerCli.running(id);
        System.out.println("[crash] the container was " + (runningAfterTheKill ? "still running" : "stopped") + " after the kill");
        assertThat(journal()).as("the killed agent wrote no outcome").doesNotContain("stop: stopped");

        agent = AgentDaemon.start(AgentConfig.load(config), Clock.systemUTC());
        Await.until(AT_MOST, () -> !DockerCli.running(id) && journal().contains("the agent stopped before its stop was done"), this::journal);

        List<AuditEntry> entries = agent.audit().forContainer(id);
        assertThat(entries).last().satisfies(last -> {
            assertThat(last.decision()).isEqualTo("block");
            assertThat(last.response()).isEqualTo("stop");
            assertThat(last.rule()).isEqualTo("deniedExecutables");
            assertThat(last.detail()).contains(runningAfterTheKill ? "took it again on starting: stop: stopped"
                    : "found the container no longer running");
        });
        assertThat(journalLines(id)).as("table and journal agree").isEqualTo(entries.size());
        // The outcome is audited first and the response then marked done: a kill in between audits it twice, never not.
        Await.until(AT_MOST, this::nothingUnderWay, () -> "responses still recorded as under way");
    }

    @Test
    void finishesAResponseLeftUnderWayOnAContainerStillRunningAndClosesOneOnAContainerGone() throws Exception {
        String running = docker.runSleeper(DockerCli.uniqueName("left-running"), "--network", "none");
        Files.createDirectories(temp.resolve("state"));
        try (ResponsesUnderWay underWay = ResponsesUnderWay.open(temp.resolve("state"))) {
            underWay.begin(left(running, Response.KILL));
            underWay.begin(left("0".repeat(64), Response.STOP));
        }

        agent = AgentDaemon.start(AgentConfig.load(config), Clock.systemUTC());
        Await.until(AT_MOST, () -> !DockerCli.running(running) && agent.audit().forContainer("0".repeat(64)).size() == 1, this::journal);

        assertThat(blocks(running)).singleElement().satisfies(entry -> assertThat(entry.detail())
                .isEqualTo("shell in a protected container; the agent stopped before its kill was done, and took it again on"
                        + " starting: kill: killed"));
        assertThat(agent.audit().forContainer("0".repeat(64))).singleElement().satisfies(entry -> assertThat(entry.detail())
                .isEqualTo("shell in a protected container; the agent stopped before its stop was done; on starting it found"
                        + " the container no longer running"));
        Await.until(AT_MOST, this::nothingUnderWay, () -> "responses still recorded as under way");
    }

    private boolean nothingUnderWay() {
        try (ResponsesUnderWay underWay = ResponsesUnderWay.open(temp.resolve("state"))) {
            return underWay.all().isEmpty();
        }
    }

    /** The blocks audited on a container (a sensor may also record a gap as the killed container goes). */
    private List<AuditEntry> blocks(String containerId) {
        return agent.audit().forContainer(containerId).stream().filter(entry -> entry.decision().equals("block")).toList();
    }

    private static UnderWay left(String containerId, Response response) {
        return new UnderWay(containerId, "left", "sha256:" + "1".repeat(64), "deniedExecutables", response, "protect",
                "shell in a protected container", Instant.now());
    }

    private String log(String name) {
        try {
            return Files.readString(temp.resolve(name));
        } catch (IOException e) {
            return "(no log yet: " + e.getMessage() + ")";
        }
    }

    private String journal() {
        return log("state/audit.jsonl");
    }

    private long journalLines(String containerId) {
        return journal().lines().filter(line -> line.contains(containerId)).count();
    }
}
