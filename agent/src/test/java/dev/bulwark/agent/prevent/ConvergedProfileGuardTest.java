package dev.bulwark.agent.prevent;

import static dev.bulwark.agent.prevent.GuardedContainers.debug;
import static dev.bulwark.agent.prevent.GuardedContainers.exec;
import static dev.bulwark.agent.prevent.GuardedContainers.prevented;
import static dev.bulwark.agent.prevent.GuardedContainers.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.Signal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through a vulnerable web service whose profile converged (no explicit rules at all), an injected command and an
 * in-process read of {@code /etc/shadow} have no effect: nothing comes back to the attacker and nothing is written,
 * while the service's own endpoints keep working.
 */
class ConvergedProfileGuardTest {

    private static final String SERVICE = "bulwark-test/svc-pyweb";

    @TempDir
    Path temp;

    private final GuardedContainers containers = new GuardedContainers();
    private AgentDaemon agent;

    @AfterEach
    void cleanUp() {
        containers.closeWith(agent);
    }

    @Test
    void anInjectedCommandAndAShadowReadThroughTheServiceHaveNoEffect() throws Exception {
        agent = GuardedContainers.startAgent(temp, "defaultMode: monitor",
                "learning: {promoteTo: protect, interval: 1s, missingMass: 0.5, minSpan: 3s, quietPeriod: 4s, minIntervals: 4}",
                "responses: [alert, stop]");
        String web = containers.run(SERVICE);
        String id = GuardedContainers.id(web);

        assertThat(GuardedContainers.driveUntil(Duration.ofSeconds(120), () -> {
            exec(web, "/usr/bin/curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8000/api/time");
            exec(web, "/usr/bin/curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8000/");
        }, () -> converged(temp.resolve("state")))).as("the profile converged").isTrue();
        assertThat(GuardedContainers.within(Duration.ofSeconds(10), () -> {
            agent.syncGuard();
            return agent.guarded().contains(id);
        })).as("guarded").isTrue();

        String injected = debug(web, "{\"action\":\"exec\",\"argv\":[\"/bin/sh\",\"-c\",\"id > /tmp/pwned; id\"]}");
        String shadow = debug(web, "{\"action\":\"read\",\"path\":\"/etc/shadow\"}");

        System.out.println("attacker got: " + injected.strip() + " / " + shadow.strip());
        assertThat(injected).doesNotContain("uid=").containsIgnoringCase("operation not permitted");
        assertThat(exec(web, "/usr/bin/test", "-e", "/tmp/pwned").exit()).as("nothing written").isNotZero();
        assertThat(shadow).doesNotContain("root:").containsIgnoringCase("operation not permitted");
        assertThat(GuardedContainers.within(Duration.ofSeconds(5), () -> prevented(agent, web).size() >= 2)).isTrue();
        assertThat(prevented(agent, web)).allSatisfy(entry -> assertThat(entry.rule()).isEqualTo("profile"))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("refused to run /usr/bin/dash")
                        .contains("started by /usr/bin/python3"))
                .anySatisfy(entry -> assertThat(entry.detail()).contains("refused a read of /etc/shadow"));
        assertThat(prevented(agent, web)).as("health checks and operators' docker exec are not the container's doing")
                .noneMatch(entry -> entry.detail().contains("refused to run /usr/bin/curl"));
        assertThat(running(web)).isTrue();
        assertThat(exec(web, "/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/api/time").out()).contains("\"time\": \"20");
        assertThat(exec(web, "/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health").exit()).isZero();
    }

    private static boolean converged(Path stateDir) {
        ProfileStore store = ProfileStore.open(stateDir);
        return store.all().stream().anyMatch(profile -> protectedSignals(profile));
    }

    private static boolean protectedSignals(Profile profile) {
        return profile.converged(Signal.EXECUTABLES) && profile.converged(Signal.SENSITIVE_READS);
    }
}
