package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigMetricsTest {

    @TempDir
    Path dir;

    private AgentConfig load(String more) throws IOException {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.yaml"), "policy: policy.yaml\n" + more));
    }

    @Test
    void servesMetricsOnTheLoopbackAddressUnlessToldOtherwise() throws IOException {
        assertThat(load("").metricsAddress().isLoopbackAddress()).isTrue();
        assertThat(load("").metricsPort()).isEqualTo(9464);
        assertThat(load("metricsAddress: 0.0.0.0\n").metricsAddress().isAnyLocalAddress()).isTrue();
        assertThat(load("metricsAddress: '::1'\n").metricsAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void refusesAHostNameForTheMetricsAddressAndSaysWhatToWrite() {
        assertThatThrownBy(() -> load("metricsAddress: metrics.example\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metricsAddress 'metrics.example' is not an IP address").hasMessageContaining("0.0.0.0");
    }
}
