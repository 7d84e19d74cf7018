package dev.bulwark.agent.prevent;

import static dev.bulwark.agent.prevent.GuardedContainers.awaitGuarded;
import static dev.bulwark.agent.prevent.GuardedContainers.exec;
import static dev.bulwark.agent.prevent.GuardedContainers.prevented;
import static dev.bulwark.agent.prevent.GuardedContainers.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentDaemon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prevention end to end with the real engine and kernel: in a protected container, a denied shell fails before it runs
 * however it is started (docker exec, a copy in /tmp, a renamed binary, another argv[0]); each refusal is audited; the
 * container and its service keep running; a monitored container beside it is not touched.
 */
class ExecGuardAcceptanceTest {

    private static final String SERVICE = "bulwark-test/svc-pyweb";

    @TempDir
    Path temp;

    private final GuardedContainers containers = new GuardedContainers();
    private AgentDaemon agent;

    @BeforeEach
    void startAgent() throws Exception {
        agent = GuardedContainers.startAgent(temp, "defaultMode: protect", "rules: {deniedExecutables: ['**/sh', '**/bash']}",
                "responses: [alert, stop]");
    }

    @AfterEach
    void cleanUp() {
        containers.closeWith(agent);
    }

    @Test
    void refusesADeniedShellHoweverItIsStartedAndKeepsTheServiceRunning() throws Exception {
        String web = containers.run(SERVICE);
        awaitGuarded(agent, web, Duration.ofSeconds(20));

        GuardedContainers.Result direct = exec(web, "/bin/sh", "-c", "id");
        assertThat(exec(web, "cp", "/usr/bin/dash", "/tmp/notashell").exit()).isZero();
        GuardedContainers.Result copied = exec(web, "/tmp/notashell", "-c", "id");
        assertThat(exec(web, "mv", "/usr/bin/bash", "/usr/bin/renamed").exit()).isZero();
        GuardedContainers.Result renamed = exec(web, "/usr/bin/renamed", "-c", "id");
        GuardedContainers.Result otherArgv0 = exec(web, "/usr/bin/python3", "-c",
                "import os; os.execv('/usr/bin/dash', ['-login', '-c', 'id'])");

        for (GuardedContainers.Result attempt : new GuardedContainers.Result[] {direct, copied, renamed, otherArgv0}) {
            assertThat(attempt.exit()).as(attempt.all()).isNotZero();
            assertThat(attempt.all()).doesNotContain("uid=").containsIgnoringCase("operation not permitted");
        }
        assertThat(GuardedContainers.within(Duration.ofSeconds(5), () -> prevented(agent, web).size() >= 4)).isTrue();
        assertThat(prevented(agent, web)).allSatisfy(entry -> {
            assertThat(entry.decision()).isEqualTo("block");
            assertThat(entry.rule()).isEqualTo("deniedExecutables");
        }).anySatisfy(entry -> assertThat(entry.detail()).contains("/tmp/notashell").contains("/usr/bin/dash by content"))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("/usr/bin/renamed"))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("started by /usr/bin/python3"));

        Thread.sleep(1_000);
        assertThat(running(web)).as("the container keeps running").isTrue();
        assertThat(exec(web, "/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/api/time").out()).contains("\"time\": \"20");
        assertThat(agent.audit().forContainer(GuardedContainers.id(web))).noneMatch(entry -> entry.response().equals("stop"));
    }

    @Test
    void leavesAMonitoredContainerBesideAProtectedOneAlone() throws Exception {
        String web = containers.run(SERVICE);
        String monitored = containers.run("--label", "bulwark.mode=monitor", SERVICE);
        awaitGuarded(agent, web, Duration.ofSeconds(20));

        GuardedContainers.Result shell = exec(monitored, "/bin/sh", "-c", "echo ran");

        assertThat(shell.out().strip()).isEqualTo("ran");
        assertThat(agent.guarded()).doesNotContain(GuardedContainers.id(monitored));
        assertThat(GuardedContainers.within(Duration.ofSeconds(5), () -> !agent.audit().forContainer(GuardedContainers.id(monitored)).isEmpty())).isTrue();
        Thread.sleep(1_000);
        assertThat(running(monitored)).isTrue();
        // A gap (an exec gone before it could be read) records what was not seen; it is not a decision.
        List<AuditEntry> decisions = agent.audit().forContainer(GuardedContainers.id(monitored)).stream()
                .filter(entry -> !entry.decision().equals("gap")).toList();
        assertThat(decisions).as("decisions %s", decisions).extracting(AuditEntry::decision).containsOnly("alert");
    }
}
