package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.FAST;
import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static dev.bulwark.policy.profile.ProfileFixtures.connect;
import static dev.bulwark.policy.profile.ProfileFixtures.exec;
import static dev.bulwark.policy.profile.ProfileFixtures.fresh;
import static dev.bulwark.policy.profile.ProfileFixtures.normalTraffic;
import static dev.bulwark.policy.profile.ProfileFixtures.observe;
import static dev.bulwark.policy.profile.ProfileFixtures.sample;
import static dev.bulwark.policy.profile.ProfileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.LearningSettings;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Protocol;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRule;
import dev.bulwark.policy.runtime.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileJudgeTest {

    private Profile profile;
    private Instant now;

    @BeforeEach
    void learnAndConverge() {
        profile = fresh();
        now = normalTraffic(profile, START, Duration.ofMinutes(3));
        assertThat(profile.converged()).isTrue();
    }

    @Test
    void allowsWhatItLearned() {
        assertThat(observe(profile, exec(now, "/usr/bin/date", "date"), "/usr/bin/python3.11").decision()).isEqualTo(Decision.ALLOW);
        assertThat(observe(profile, write(now, "/var/log/app/access.log"), "").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksANewExecutable() {
        Decision decision = observe(profile, exec(now, "/usr/bin/curl", "curl"), "/usr/bin/python3.11").decision();

        assertThat(decision).isInstanceOf(Decision.Block.class);
        assertThat(((Decision.Block) decision).rule()).isEqualTo(RuntimeRule.PROFILE);
        assertThat(((Decision.Block) decision).why()).contains("/usr/bin/curl");
    }

    @Test
    void blocksAShellStartedByAProgramThatNeverStartedOneEvenWhenTheShellItselfIsKnown() {
        observe(profile, exec(now, "/usr/bin/dash", "sh"), "/usr/bin/python3.11");
        Profile withShell = fresh();
        Instant at = START;
        for (int i = 0; i < 20; i++, at = at.plusSeconds(10)) {
            observe(withShell, exec(at, "/usr/bin/dash", "sh", "/entrypoint.sh"), "(init)");
            observe(withShell, exec(at, "/usr/bin/date", "date"), "/usr/bin/dash");
            withShell.evaluate(at, FAST);
        }
        assertThat(withShell.converged(Signal.EXEC_EDGES)).isTrue();

        Decision decision = observe(withShell, exec(at, "/usr/bin/dash", "sh", "-c", "id"), "/usr/lib/postgresql/15/bin/postgres").decision();

        assertThat(decision).isInstanceOf(Decision.Block.class);
        assertThat(((Decision.Block) decision).why()).contains("a shell");
    }

    @Test
    void blocksAWriteUnderASystemDirectoryButOnlyAlertsOnOtherNewWrites() {
        assertThat(observe(profile, write(now, "/usr/bin/evil"), "").decision()).isInstanceOf(Decision.Block.class);
        assertThat(observe(profile, write(now, "/srv/upload/new.txt"), "").decision()).isInstanceOf(Decision.Alert.class);
    }

    @Test
    void blocksANewPeerButLeavesLoopbackConnectionsInsideTheContainerAlone() {
        assertThat(observe(profile, connect(now, "172.18.0.9", 4444), "").decision()).isInstanceOf(Decision.Block.class);
        assertThat(observe(profile, connect(now, "127.0.0.1", 6379), "").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksAReadOfACredentialFile() {
        Observation read = new Observation.FileAccess(ProfileFixtures.CONTAINER, now, "/etc/shadow", FileAccessKind.READ, 100);

        assertThat(observe(profile, read, "").decision()).isInstanceOf(Decision.Block.class);
    }

    @Test
    void blocksANewTcpListenerABindShellButOnlyAlertsOnANewUdpSocket() {
        Observation bindShell = new Observation.Listen(ProfileFixtures.CONTAINER, now, Protocol.TCP, "0.0.0.0", 4444);
        Observation udp = new Observation.Listen(ProfileFixtures.CONTAINER, now, Protocol.UDP, "0.0.0.0", 40123);

        assertThat(observe(profile, bindShell, "").decision()).isInstanceOf(Decision.Block.class);
        assertThat(observe(profile, udp, "").decision()).as("an unconnected UDP client socket looks the same")
                .isInstanceOf(Decision.Alert.class);
    }

    @Test
    void monitorModeTurnsABlockIntoAnAlert() {
        ProfileJudge.Judged judged = ProfileJudge.observe(profile, exec(now, "/usr/bin/curl", "curl"), Origin.CONTAINER,
                "/usr/bin/python3.11", FAST, Optional.of(RuntimeMode.MONITOR), false);

        assertThat(judged.decision()).isInstanceOf(Decision.Alert.class);
        assertThat(judged.mode()).isEqualTo(RuntimeMode.MONITOR);
    }

    @Test
    void aLearnLabelKeepsLearningInsteadOfJudging() {
        ProfileJudge.Judged judged = ProfileJudge.observe(profile, exec(now, "/usr/bin/curl", "curl"), Origin.CONTAINER,
                "/usr/bin/python3.11", FAST, Optional.of(RuntimeMode.LEARN), false);

        assertThat(judged.decision()).isEqualTo(Decision.ALLOW);
        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/curl")).isTrue();
    }

    @Test
    void anOperatorsExecIsNeitherLearnedNorJudged() {
        Profile learning = fresh();
        ProfileJudge.Judged judged = ProfileJudge.observe(learning, exec(START, "/usr/bin/bash", "bash"), Origin.OPERATOR,
                "", FAST, Optional.empty(), false);

        assertThat(judged.decision()).isEqualTo(Decision.ALLOW);
        assertThat(learning.knows(Signal.EXECUTABLES, "/usr/bin/bash")).isFalse();
    }

    @Test
    void healthChecksAreLearnedApartFromTheContainersOwnPrograms() {
        Profile learning = fresh();
        ProfileJudge.observe(learning, exec(START, "/usr/bin/wget", "wget"), Origin.HEALTHCHECK, "", FAST, Optional.empty(), false);

        assertThat(learning.knows(Signal.HEALTHCHECKS, "/usr/bin/wget")).isTrue();
        assertThat(learning.knows(Signal.EXECUTABLES, "/usr/bin/wget")).isFalse();
    }

    @Test
    void aResourceAnomalyAlertsOnlyWhenItLastsTwoSamples() {
        assertThat(observe(profile, sample(now, 1.0), "").decision()).isEqualTo(Decision.ALLOW);
        Decision second = observe(profile, sample(now.plusSeconds(10), 1.0), "").decision();

        assertThat(second).isInstanceOf(Decision.Alert.class);
        assertThat(((Decision.Alert) second).rule()).isEqualTo(RuntimeRule.RESOURCES);
        assertThat(observe(profile, sample(now.plusSeconds(20), 0.05), "").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aResourceAnomalyBlocksWhenThePolicySaysSo() {
        LearningSettings blocking = new LearningSettings(RuntimeMode.PROTECT, Span.parse("10s"), 0.05, Span.parse("1m"),
                Span.parse("30s"), 6, LearningSettings.AnomalyAction.BLOCK, Span.parse("1m"), null, null);
        for (int i = 0; i < 2; i++) {
            ProfileJudge.observe(profile, sample(now.plusSeconds(10L * i), 1.0), Origin.CONTAINER, "", blocking,
                    Optional.empty(), false);
        }
        ProfileJudge.Judged third = ProfileJudge.observe(profile, sample(now.plusSeconds(20), 1.0), Origin.CONTAINER, "",
                blocking, Optional.empty(), false);

        assertThat(third.decision()).isInstanceOf(Decision.Block.class);
    }

    @Test
    void lostEventsTurnABlockIntoAnAlert() {
        ProfileJudge.Judged judged = ProfileJudge.observe(profile, exec(now, "/usr/bin/curl", "curl"), Origin.CONTAINER,
                "/usr/bin/python3.11", FAST, Optional.empty(), true);

        assertThat(judged.decision()).isInstanceOf(Decision.Alert.class);
    }

    @Test
    void aBusyboxAppletIsLearnedByItsName() {
        Observation.ProcessExec shell = new Observation.ProcessExec("c", START, 1, 0, 0, "/bin/busybox", List.of("sh"), ExecSource.PROC_CONNECTOR);

        assertThat(Behaviours.program(shell)).isEqualTo("/bin/sh");
    }
}
