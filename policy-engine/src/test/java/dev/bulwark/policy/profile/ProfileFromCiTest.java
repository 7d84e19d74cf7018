package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.KEY;
import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static dev.bulwark.policy.profile.ProfileFixtures.connect;
import static dev.bulwark.policy.profile.ProfileFixtures.exec;
import static dev.bulwark.policy.profile.ProfileFixtures.fresh;
import static dev.bulwark.policy.profile.ProfileFixtures.normalTraffic;
import static dev.bulwark.policy.profile.ProfileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.LearningSettings;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile learned in CI, written for review, read back on a host and started there as the policy's
 * {@code learning.fromCi} and {@code learning.learnOnTopOfCi} say.
 */
class ProfileFromCiTest {

    private static final Instant HOST_START = START.plus(Duration.ofDays(1));
    private static final ProfileKey ON_HOST = new ProfileKey("prod.example/shop/web", KEY.image(), "run:/usr/bin/python3 app.py");

    private ProfileDocument fromCi;

    @BeforeEach
    void learnAShortCiRun() {
        Profile ci = fresh();
        normalTraffic(ci, START, Duration.ofSeconds(40)); // four intervals: a CI run converges nothing
        assertThat(ci.converged()).isFalse();
        String yaml = ProfileDocuments.writeFromCi(List.of(ci));
        fromCi = ProfileDocuments.readAll("ci.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    private static LearningSettings settings(RuntimeMode fromCi, boolean learnOnTop) {
        return new LearningSettings(RuntimeMode.PROTECT, Span.parse("10s"), 0.05, Span.parse("1m"), Span.parse("30s"), 6,
                LearningSettings.AnomalyAction.ALERT, Span.parse("1m"), fromCi, learnOnTop);
    }

    private Profile onHost(LearningSettings settings) {
        return Profile.fromCi(ON_HOST, Prior.none(), "fp-host", ProfileDocuments.seen(fromCi), "ci: prod.example/shop/web@sha256:1",
                settings, HOST_START);
    }

    private static Decision observe(Profile profile, Observation observation, String parent, LearningSettings settings) {
        return ProfileJudge.observe(profile, observation, Origin.CONTAINER, parent, settings, Optional.empty(), false).decision();
    }

    @Test
    void theDocumentSaysItWasLearnedInCiAndHowOftenEachBehaviourWasSeen() {
        assertThat(fromCi.metadata().source()).isEqualTo(ProfileDocuments.CI);
        assertThat(fromCi.metadata().status()).isEqualTo("learning");
        assertThat(fromCi.runtime().rules().allowedExecutables()).contains("/usr/bin/date", "/usr/bin/python3.11");
        assertThat(fromCi.exercised().get("executables")).containsEntry("/usr/bin/date", 4L);
        assertThat(fromCi.exercised().get("executables")).doesNotContainKey("/usr/bin/python3.11"); // declared, never seen to run
    }

    @Test
    void learningOnTopJudgesWhatWouldBlockInTheCiModeAndLearnsTheRest() {
        LearningSettings settings = settings(RuntimeMode.PROTECT, true);
        Profile profile = onHost(settings);
        Instant at = HOST_START.plusSeconds(5);

        assertThat(profile.ciMode()).contains(RuntimeMode.PROTECT);
        assertThat(profile.source()).startsWith("ci: ");
        assertThat(observe(profile, exec(at, "/usr/bin/date", "date"), "/usr/bin/python3.11", settings)).isEqualTo(Decision.ALLOW);
        assertThat(observe(profile, write(at, "/var/log/app/error.log"), "", settings)).isEqualTo(Decision.ALLOW);
        assertThat(profile.knows(Signal.WRITES, "/var/log/app/error.log")).as("learned on top").isTrue();

        Decision shell = observe(profile, exec(at, "/usr/bin/dash", "sh", "-c", "id"), "/usr/bin/python3.11", settings);
        assertThat(shell).isInstanceOf(Decision.Block.class);
        assertThat(((Decision.Block) shell).why()).contains("/usr/bin/dash");
        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/dash")).as("what would block is not learned").isFalse();
        assertThat(observe(profile, connect(at, "203.0.113.9", 4444), "", settings)).isInstanceOf(Decision.Block.class);
    }

    @Test
    void monitorFromCiAlertsWhatWouldBlock() {
        LearningSettings settings = settings(RuntimeMode.MONITOR, true);
        Profile profile = onHost(settings);

        Decision shell = observe(profile, exec(HOST_START, "/usr/bin/dash", "sh"), "/usr/bin/python3.11", settings);

        assertThat(shell).isInstanceOf(Decision.Alert.class);
    }

    @Test
    void onceTheProfileConvergesOnTheHostItsOwnModesTakeOver() {
        LearningSettings settings = settings(RuntimeMode.PROTECT, true);
        Profile profile = onHost(settings);

        Instant after = normalTraffic(profile, HOST_START, Duration.ofMinutes(3));
        assertThat(profile.converged()).isTrue();
        assertThat(profile.ciMode()).isEmpty();
        assertThat(profile.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
        assertThat(observe(profile, exec(after, "/usr/bin/dash", "sh"), "/usr/bin/python3.11", settings)).isInstanceOf(Decision.Block.class);
    }

    @Test
    void withoutLearningOnTopTheCiProfileCountsAsConvergedExceptForResourceUse() {
        LearningSettings settings = settings(RuntimeMode.PROTECT, false);
        Profile profile = onHost(settings);

        assertThat(profile.ciMode()).isEmpty();
        assertThat(profile.learning(Signal.EXECUTABLES)).isFalse();
        assertThat(profile.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
        assertThat(profile.learning(Signal.RESOURCES)).as("CI's load is not production's").isTrue();
        assertThat(observe(profile, write(HOST_START, "/var/log/app/error.log"), "", settings))
                .as("a new write outside the system's directories alerts").isInstanceOf(Decision.Alert.class);
        assertThat(observe(profile, exec(HOST_START, "/usr/bin/dash", "sh"), "/usr/bin/python3.11", settings)).isInstanceOf(Decision.Block.class);
    }

    @Test
    void learnFromCiIsOnlyAHeadStart() {
        LearningSettings settings = settings(RuntimeMode.LEARN, true);
        Profile profile = onHost(settings);

        assertThat(profile.ciMode()).isEmpty();
        assertThat(observe(profile, exec(HOST_START, "/usr/bin/dash", "sh"), "/usr/bin/python3.11", settings)).isEqualTo(Decision.ALLOW);
        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/date")).isTrue();
        assertThat(profile.knows(Signal.EXECUTABLES, "/usr/bin/dash")).isTrue();
    }

    @Test
    void aStreamWithoutProfilesOrWithAnotherKindIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> ProfileDocuments.readAll("empty.yaml", "# nothing\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("empty.yaml: holds no profile");
        assertThatThrownBy(() -> ProfileDocuments.readAll("policy.yaml",
                "apiVersion: bulwark.dev/v1\nkind: Policy\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("policy.yaml: not a profile");
        assertThatThrownBy(() -> ProfileDocuments.readAll("typo.yaml",
                "apiVersion: bulwark.dev/v1\nkind: Profile\nmetadata: {image: x, workload: y}\nrutime: {}\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("typo.yaml:4");
    }
}
