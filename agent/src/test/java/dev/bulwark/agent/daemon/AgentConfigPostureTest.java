package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigPostureTest {

    @TempDir
    Path dir;

    private AgentConfig load(String more) throws IOException {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\n" + more));
    }

    @Test
    void reportsWhatRunsHereToPostureDbInTheStateDirectoryUnlessToldOtherwise() throws IOException {
        assertThat(load("").posture()).contains(dir.resolve("state").resolve("posture.db").toString());
        assertThat(load("posture: none\n").posture()).isEmpty();
        assertThat(load("posture: shared/posture.db\n").posture()).contains(dir.resolve("shared/posture.db").toString());
        assertThat(load("posture: jdbc:postgresql://db.internal/bulwark?user=agent\n").posture())
                .contains("jdbc:postgresql://db.internal/bulwark?user=agent");
    }

    @Test
    void namesThisHostAsTheKernelDoesUnlessGivenAName() throws IOException {
        assertThat(load("").hostName()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        assertThat(load("hostName: web-01\n").hostName()).isEqualTo("web-01");
    }

    @Test
    void learningInCiReportsNothing() throws IOException {
        assertThat(load("").forLearning(dir.resolve("learn")).posture()).isEmpty();
    }
}
