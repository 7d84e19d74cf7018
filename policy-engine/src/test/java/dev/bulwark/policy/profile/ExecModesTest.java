package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.FAST;
import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static dev.bulwark.policy.profile.ProfileFixtures.exec;
import static dev.bulwark.policy.profile.ProfileFixtures.fresh;
import static dev.bulwark.policy.profile.ProfileFixtures.observe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecModesTest {

    private Profile profile;
    private Instant now;

    /** A service whose python runs a script and whose entrypoint is a shell given a command: both learned. */
    @BeforeEach
    void learnAService() {
        profile = fresh();
        Instant at = START;
        for (int i = 0; i < 18; i++, at = at.plusSeconds(10)) {
            observe(profile, exec(at, "/usr/bin/dash", "sh", "-c", "exec python3 /app/serve.py"), "(init)");
            observe(profile, exec(at, "/usr/bin/python3.11", "python3", "/app/serve.py", "-c", "/etc/app.conf"), "/usr/bin/dash");
            observe(profile, exec(at, "/usr/bin/date", "date"), "/usr/bin/python3.11");
            observe(profile, ProfileFixtures.write(at, "/var/log/app/access.log"), "");
            observe(profile, ProfileFixtures.sample(at, 0.05), "");
            profile.evaluate(at, FAST);
        }
        now = at;
        assertThat(profile.converged()).isTrue();
    }

    private static Observation.ProcessExec preloaded(Instant at, String executable, String variable, String... argv) {
        return new Observation.ProcessExec(ProfileFixtures.CONTAINER, at, 100, 1, 0, executable, List.of(argv),
                ExecSource.PROC_CONNECTOR, List.of(variable));
    }

    @Test
    void aKnownInterpreterGivenCodeInlineIsBlocked() {
        Decision decision = observe(profile, exec(now, "/usr/bin/python3.11", "python3", "-c", "import socket"), "/usr/bin/dash").decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.why()).contains("/usr/bin/python3.11 was given code inline (-c)"));
    }

    @Test
    void aScriptsOwnOptionAfterItsFileIsNotInlineCodeAndALearnedShellCommandStaysAllowed() {
        assertThat(observe(profile, exec(now, "/usr/bin/python3.11", "python3", "/app/serve.py", "-c", "/etc/other.conf"),
                "/usr/bin/dash").decision()).isEqualTo(Decision.ALLOW);
        assertThat(observe(profile, exec(now, "/usr/bin/dash", "sh", "-c", "exec python3 /app/serve.py"), "(init)").decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void combinedShellOptionsAndVersionedInterpreterNamesAreRecognised() {
        assertThat(ExecModes.of(exec(now, "/usr/bin/dash", "sh", "-ec", "id"), "/usr/bin/dash")).singleElement()
                .satisfies(behaviour -> assertThat(behaviour.item()).isEqualTo("/usr/bin/dash -c"));
        assertThat(ExecModes.of(exec(now, "/usr/bin/perl5.36", "perl", "-w", "-e", "print 1"), "/usr/bin/perl5.36")).singleElement()
                .satisfies(behaviour -> assertThat(behaviour.item()).isEqualTo("/usr/bin/perl5.36 -e"));
        assertThat(ExecModes.of(exec(now, "/usr/bin/python3.11", "python3", "-m", "http.server"), "/usr/bin/python3.11")).isEmpty();
    }

    @Test
    void aKnownProgramStartedWithLdPreloadIsBlocked() {
        Decision decision = observe(profile, preloaded(now, "/usr/bin/date", "LD_PRELOAD=/tmp/.x/hook.so", "date"),
                "/usr/bin/python3.11").decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.why()).contains("/usr/bin/date was started with LD_PRELOAD=/tmp/.x/hook.so"));
    }

    @Test
    void aHealthChecksShellCommandIsLearnedAsTheHealthChecksNotAsAnExecMode() {
        List<Behaviour> behaviours = Behaviours.of(exec(now, "/usr/bin/dash", "sh", "-c", "curl -f localhost"), Origin.HEALTHCHECK, "");

        assertThat(behaviours).extracting(Behaviour::signal).containsExactly(Signal.HEALTHCHECKS);
    }
}
