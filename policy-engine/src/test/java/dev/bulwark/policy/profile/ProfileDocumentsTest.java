package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static dev.bulwark.policy.profile.ProfileFixtures.exec;
import static dev.bulwark.policy.profile.ProfileFixtures.fresh;
import static dev.bulwark.policy.profile.ProfileFixtures.normalTraffic;
import static dev.bulwark.policy.profile.ProfileFixtures.observe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileDocumentsTest {

    @Test
    void exportsTheRuntimeSectionOfAPolicyThatThePolicyLoaderAccepts() {
        Profile profile = fresh();
        normalTraffic(profile, START, Duration.ofMinutes(3));

        String yaml = ProfileDocuments.write(profile);
        String runtime = yaml.substring(yaml.indexOf("runtime:"), yaml.indexOf("learned:"));
        Policy policy = new PolicyLoader().parse("exported", ("apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: p}\n"
                + "stages: [{name: production}]\n" + runtime).getBytes(StandardCharsets.UTF_8), Path.of("."));

        assertThat(yaml).contains("kind: Profile").contains("workload: compose:shop/web").contains("status: converged");
        assertThat(policy.runtime().defaultMode()).isEqualTo(RuntimeMode.PROTECT);
        assertThat(policy.runtime().rules().allowedExecutables()).containsExactly("/usr/bin/date", "/usr/bin/python3.11");
        assertThat(policy.runtime().rules().listeningPorts()).containsExactly(8000);
        assertThat(policy.runtime().rules().writablePaths()).contains("/var/log/app/access.log", "/data/**");
        assertThat(policy.runtime().rules().resources().cpuCores()).isPositive();
    }

    @Test
    void anImportedProfileIsPinnedAndJudgesLikeTheOneExported() {
        Profile learned = fresh();
        var end = normalTraffic(learned, START, Duration.ofMinutes(3));

        Profile pinned = ProfileDocuments.read("web.yaml", ProfileDocuments.write(learned).getBytes(StandardCharsets.UTF_8), end);

        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.key()).isEqualTo(learned.key());
        assertThat(pinned.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
        assertThat(observe(pinned, exec(end, "/usr/bin/date", "date"), "/usr/bin/python3.11").decision()).isEqualTo(Decision.ALLOW);
        assertThat(observe(pinned, exec(end, "/usr/bin/nc", "nc"), "/usr/bin/python3.11").decision()).isInstanceOf(Decision.Block.class);
        assertThat(pinned.learning(Signal.EXECUTABLES)).isFalse();
    }

    @Test
    void aMistypedKeyIsAnErrorWithLineAndColumn() {
        String yaml = "apiVersion: bulwark.dev/v1\nkind: Profile\nmetadata: {image: 'sha256:ab', workload: w}\nruntime:\n"
                + "  rules:\n    allowedExecutable: [/bin/x]\n";

        assertThatThrownBy(() -> ProfileDocuments.read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("p.yaml:6:")
                .hasMessageContaining("allowedExecutable");
    }

    @Test
    void aPolicyIsNotAProfile() {
        String yaml = "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {image: x, workload: w}\n";

        assertThatThrownBy(() -> ProfileDocuments.read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), START))
                .hasMessageContaining("not a profile");
    }
}
