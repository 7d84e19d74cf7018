package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.FAST;
import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static dev.bulwark.policy.profile.ProfileFixtures.exec;
import static dev.bulwark.policy.profile.ProfileFixtures.fresh;
import static dev.bulwark.policy.profile.ProfileFixtures.normalTraffic;
import static dev.bulwark.policy.profile.ProfileFixtures.observe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProfileConvergenceTest {

    @Test
    void startsFromWhatTheImageDeclares() {
        Profile profile = fresh();

        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/python3.11")).isTrue();
        assertThat(profile.knows(Signal.LISTENING, "tcp:8000")).isTrue();
        assertThat(profile.knows(Signal.WRITES, "/data/db/0001")).isTrue();
        assertThat(profile.knows(Signal.HEALTHCHECKS, "/usr/bin/curl")).isTrue();
        assertThat(profile.converged()).isFalse();
    }

    @Test
    void convergesOnceNothingNewTurnsUpForTheMinimumSpanAndQuietPeriod() {
        Profile profile = fresh();

        Instant end = normalTraffic(profile, START, Duration.ofMinutes(3));

        assertThat(profile.converged()).isTrue();
        assertThat(profile.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
        assertThat(profile.missingMass(Signal.EXECUTABLES)).isZero();
        assertThat(profile.convergedAt()).get().matches(at -> at.isBefore(end));
    }

    @Test
    void doesNotConvergeWithoutLiveActivityHoweverLongItWaits() {
        Profile profile = fresh();

        for (Instant at = START; at.isBefore(START.plus(Duration.ofHours(2))); at = at.plusSeconds(10)) {
            observe(profile, ProfileFixtures.sample(at, 0.0), "");
            profile.evaluate(at, FAST);
        }

        assertThat(profile.liveIntervals()).isZero();
        assertThat(profile.converged()).isFalse();
    }

    @Test
    void keepsLearningWhileNewBehaviourKeepsTurningUp() {
        Profile profile = fresh();

        for (int i = 0; i < 40; i++) {
            Instant at = START.plusSeconds(10L * i);
            observe(profile, exec(at, "/usr/bin/tool-" + (char) ('a' + i % 26) + i, "tool"), "/usr/bin/python3.11");
            profile.evaluate(at, FAST);
        }

        assertThat(profile.missingMass(Signal.EXECUTABLES)).isGreaterThan(FAST.missingMass());
        assertThat(profile.converged(Signal.EXECUTABLES)).isFalse();
    }

    @Test
    void aNewImageVersionInheritsWhatWasLearnedAndRelearnsProvisionally() {
        Profile old = fresh();
        Instant end = normalTraffic(old, START, Duration.ofMinutes(3));
        ProfileKey next = new ProfileKey("shop/web", "sha256:" + "b".repeat(64), "compose:shop/web");

        Profile heir = old.inheritTo(next, Prior.none(), "fp1", end);

        assertThat(heir.provisional()).isTrue();
        assertThat(heir.inheritedFrom()).isEqualTo(old.key().image());
        assertThat(heir.converged()).isFalse();
        assertThat(heir.knows(Signal.EXECUTABLES, "/usr/bin/date")).isTrue();
        assertThat(heir.missingMass(Signal.EXECUTABLES)).isEqualTo(1.0); // no live interval yet
        normalTraffic(heir, end, Duration.ofMinutes(3));
        assertThat(heir.converged()).isTrue();
        assertThat(heir.provisional()).isFalse();
    }

    @Test
    void changedRuntimeParametersStartAProvisionalRelearn() {
        Profile profile = fresh();
        Instant end = normalTraffic(profile, START, Duration.ofMinutes(3));

        profile.relearn("fp2", end);

        assertThat(profile.provisional()).isTrue();
        assertThat(profile.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.LEARN);
        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/date")).isTrue();
    }

    @Test
    void anOperatorsModeStaysWhenTheSignalConverges() {
        Profile profile = fresh();
        profile.pinMode(java.util.Optional.of(Signal.OUTBOUND), RuntimeMode.MONITOR, START);

        normalTraffic(profile, START, Duration.ofMinutes(3));

        assertThat(profile.mode(Signal.OUTBOUND)).isEqualTo(RuntimeMode.MONITOR);
        assertThat(profile.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
    }

    @Test
    void aClockSteppedForwardDoesNotCountAsTimeLearned() {
        Profile stepped = fresh();
        Profile control = fresh();
        Instant before = normalTraffic(stepped, START, Duration.ofSeconds(60));
        normalTraffic(control, START, Duration.ofSeconds(60));
        assertThat(stepped.converged()).isFalse();

        Instant after = before.plus(Duration.ofHours(2));
        stepped.clockMoved(Duration.ofHours(2));
        normalTraffic(stepped, after, Duration.ofSeconds(10));
        normalTraffic(control, after, Duration.ofSeconds(10));

        assertThat(control.converged()).as("without being told, two hours pass in a moment").isTrue();
        assertThat(stepped.converged()).isFalse();
        normalTraffic(stepped, after.plusSeconds(10), Duration.ofMinutes(2));
        assertThat(stepped.converged()).as("converges once the time has really passed").isTrue();
    }

    @Test
    void aClockSteppedBackStillLetsAProfileWithEnoughLiveIntervalsConverge() {
        Profile profile = fresh();
        Instant before = normalTraffic(profile, START, Duration.ofSeconds(60));
        assertThat(profile.converged()).isFalse();

        profile.clockMoved(Duration.ofHours(-1));
        normalTraffic(profile, before.minus(Duration.ofHours(1)), Duration.ofMinutes(3));

        assertThat(profile.converged()).isTrue();
    }
}
