package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.agent.admission.AdmissionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigAdmissionTest {

    @TempDir
    Path dir;

    private AgentConfig load(String admission) throws IOException {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.yaml"), "policy: policy.yaml\n" + admission));
    }

    @Test
    void admissionIsOffUnlessTheConfigTurnsItOn() throws IOException {
        assertThat(load("").admission()).isEmpty();
        assertThat(load("admission: false\n").admission()).isEmpty();
    }

    @Test
    void admissionTrueServesThePluginBulwarkAndFailsClosed() throws IOException {
        AdmissionSettings settings = load("admission: true\n").admission().orElseThrow();
        assertThat(settings.socket()).isEqualTo(Path.of("/run/docker/plugins/bulwark.sock"));
        assertThat(settings.failure()).isEqualTo(AdmissionSettings.Failure.CLOSED);
        assertThat(settings.stage()).isEmpty();
        assertThat(settings.verdictTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyAdmissionKeyIsRead() throws IOException {
        AdmissionSettings settings = load("""
                admission:
                  plugin: guard
                  pluginDirectory: /etc/docker/plugins
                  failure: open
                  stage: staging
                  insecureRegistries: [registry.lan:5000]
                  verdictTimeout: 2s
                  verdictCache: 30s
                """).admission().orElseThrow();
        assertThat(settings.socket()).isEqualTo(Path.of("/etc/docker/plugins/guard.sock"));
        assertThat(settings.failure()).isEqualTo(AdmissionSettings.Failure.OPEN);
        assertThat(settings.stage()).isEqualTo(Optional.of("staging"));
        assertThat(settings.insecureRegistries()).isEqualTo(Set.of("registry.lan:5000"));
        assertThat(settings.verdictTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.verdictCache()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMisspelledFailureSettingSaysWhichWordsAreValid() {
        assertThatThrownBy(() -> load("admission:\n  failure: fail-open\n"))
                .hasMessageContaining("agent.yaml").hasMessageContaining("admission.failure is 'fail-open'")
                .hasMessageContaining("closed").hasMessageContaining("open");
    }

    @Test
    void anUnknownKeyListsTheValidOnes() {
        assertThatThrownBy(() -> load("admission:\n  failmode: open\n"))
                .hasMessageContaining("admission has no key 'failmode'").hasMessageContaining("failure");
    }

    @Test
    void aPluginNameThatIsNoFileNameAndAScalarOtherThanABooleanAreRefused() {
        assertThatThrownBy(() -> load("admission:\n  plugin: ../evil\n")).hasMessageContaining("is not a plugin name");
        assertThatThrownBy(() -> load("admission: yes-please\n")).hasMessageContaining("admission must be true, false or a block");
        assertThatThrownBy(() -> load("admission:\n  verdictTimeout: 0s\n")).hasMessageContaining("verdictTimeout must be positive");
    }
}
