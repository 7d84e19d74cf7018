package dev.bulwark.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerStartTimeTest {

    @Test
    void readsTheEnginesNanosecondStartTime() {
        assertThat(ContainerInfo.startedAt("2026-12-04T03:33:46.526375175Z")).isEqualTo(Instant.parse("2026-12-04T03:33:46.526375175Z"));
    }

    @Test
    void aContainerThatNeverStartedOrAnUnreadableTimeCountsAsStartedLongAgo() {
        assertThat(ContainerInfo.startedAt("0001-01-01T00:00:00Z")).isEqualTo(Instant.MIN);
        assertThat(ContainerInfo.startedAt("")).isEqualTo(Instant.MIN);
        assertThat(ContainerInfo.startedAt(null)).isEqualTo(Instant.MIN);
        assertThat(ContainerInfo.startedAt("yesterday")).isEqualTo(Instant.MIN);
    }
}
