package dev.bulwark.agent.prevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-safe by construction: an exec waiting for an agent that is frozen goes on as soon as the agent is killed,
 * because the kernel answers for a group whose process has gone.
 */
class AgentDeathTest {

    @TempDir
    Path temp;

    private final GuardedContainers containers = new GuardedContainers();
    private Process agent;

    @AfterEach
    void cleanUp() {
        if (agent != null) {
            agent.destroyForcibly();
        }
        containers.close();
    }

    @Test
    void killingTheAgentMidRequestLetsTheWaitingExecProceed() throws Exception {
        Path config = GuardedContainers.writeConfig(temp, "defaultMode: protect", "rules: {deniedExecutables: ['**/bash']}",
                "responses: [alert]");
        String web = containers.run("bulwark-test/svc-pyweb");
        String id = GuardedContainers.id(web);
        String java = ProcessHandle.current().info().command().orElse("java");
        agent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), GuardedAgentMain.class.getName(),
                config.toString()).redirectError(temp.resolve("agent.log").toFile()).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line == null || !line.contains(id); line = lines.readLine()) {
            assertThat(line).as("the agent ended before guarding the container: " + Files.readString(temp.resolve("agent.log"))).isNotNull();
        }

        GuardedContainers.command(List.of("kill", "-STOP", Long.toString(agent.pid())));
        Process waiting = new ProcessBuilder("docker", "exec", web, "/usr/bin/true").start();
        boolean finishedWhileFrozen = waiting.waitFor(2, TimeUnit.SECONDS);
        GuardedContainers.command(List.of("kill", "-KILL", Long.toString(agent.pid())));
        boolean finishedAfterDeath = waiting.waitFor(20, TimeUnit.SECONDS);

        assertThat(finishedWhileFrozen).as("the exec waits for the frozen agent's answer").isFalse();
        assertThat(finishedAfterDeath).as("the exec goes on once the agent is dead").isTrue();
        assertThat(waiting.exitValue()).isZero();
        assertThat(GuardedContainers.running(web)).isTrue();
    }
}
