package dev.bulwark.agent.prevent;

import static dev.bulwark.agent.prevent.GuardedContainers.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.profile.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learned profile knows programs by content: after it converged (monitor mode, no guard), a copy of a program it
 * knows, run by the service under a new name, is that program; a shell copied under a similar name is a new program.
 */
class SameProgramsTest {

    @TempDir
    Path temp;

    private final GuardedContainers containers = new GuardedContainers();
    private AgentDaemon agent;

    @AfterEach
    void cleanUp() {
        containers.closeWith(agent);
    }

    @Test
    void aCopyOfAKnownProgramIsThatProgramAndACopiedShellIsNot() throws Exception {
        agent = GuardedContainers.startAgent(temp, "defaultMode: monitor",
                "learning: {promoteTo: monitor, interval: 1s, missingMass: 0.5, minSpan: 3s, quietPeriod: 4s, minIntervals: 4}",
                "responses: [alert]");
        String web = containers.run("bulwark-test/svc-pyweb");
        String id = GuardedContainers.id(web);

        assertThat(GuardedContainers.driveUntil(Duration.ofSeconds(120), () -> {
            exec(web, "/usr/bin/curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8000/api/time");
            run(web, "[\"/usr/bin/sleep\", \"0.3\"]");
        }, () -> ProfileStore.open(temp.resolve("state")).all().stream().anyMatch(p -> p.converged(Signal.EXECUTABLES)
                && p.converged(Signal.EXEC_EDGES) && p.knows(Signal.EXECUTABLES, "/usr/bin/sleep")))).as("converged").isTrue();
        assertThat(exec(web, "cp", "/usr/bin/sleep", "/tmp/mysleep").exit()).isZero();
        assertThat(exec(web, "cp", "/usr/bin/dash", "/tmp/notsleep").exit()).isZero();

        run(web, "[\"/tmp/mysleep\", \"1\"]");
        run(web, "[\"/tmp/notsleep\", \"-c\", \"sleep 1\"]");

        assertThat(GuardedContainers.within(Duration.ofSeconds(10), () -> mentions(id, "ran /tmp/notsleep")))
                .as("the copied shell is a new program: %s", entries(id)).isTrue();
        Thread.sleep(1_000);
        assertThat(entries(id)).noneMatch(entry -> entry.detail().contains("ran /tmp/mysleep"));
        assertThat(entries(id)).noneMatch(entry -> entry.detail().contains("started /tmp/mysleep"));
    }

    private List<AuditEntry> entries(String id) {
        return agent.audit().forContainer(id);
    }

    private boolean mentions(String id, String text) {
        return entries(id).stream().anyMatch(entry -> entry.detail().contains(text) && entry.rule().equals("profile"));
    }

    /** The service runs ARGV itself (its vulnerable /debug endpoint). */
    private static void run(String container, String argv) {
        GuardedContainers.debug(container, "{\"action\":\"exec\",\"argv\":" + argv + "}");
    }
}
