package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigCiProfilesTest {

    @TempDir
    Path dir;

    private AgentConfig load(String more) throws IOException {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.yaml"), "policy: policy.yaml\n" + more));
    }

    @Test
    void looksForCiProfilesUnlessToldNotTo() throws IOException {
        assertThat(load("").ciProfiles()).isTrue();
        assertThat(load("").insecureRegistries()).isEmpty();
        assertThat(load("ciProfiles: false\n").ciProfiles()).isFalse();
        assertThat(load("insecureRegistries: [registry.internal:5000]\n").insecureRegistries()).containsExactly("registry.internal:5000");
    }

    @Test
    void learningInCiKeepsItsStateApartAndTurnsOffWhatActs() throws IOException {
        AgentConfig learning = load("admission: true\nmetricsPort: 9464\nstateDir: /var/lib/bulwark\n").forLearning(dir.resolve("learn"));

        assertThat(learning.stateDir()).isEqualTo(dir.resolve("learn"));
        assertThat(learning.metricsPort()).isZero();
        assertThat(learning.prevention()).isFalse();
        assertThat(learning.admission()).isEmpty();
        assertThat(learning.ciProfiles()).isFalse();
    }

    @Test
    void refusesValuesOfTheWrongShapeSayingWhatToWrite() {
        assertThatThrownBy(() -> load("ciProfiles: sometimes\n")).hasMessageContaining("ciProfiles is 'sometimes': write true or false");
        assertThatThrownBy(() -> load("insecureRegistries: registry.internal:5000\n"))
                .hasMessageContaining("insecureRegistries must be a list, such as [registry.internal:5000]");
    }
}
