package dev.bulwark.agent.sensor.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.scanner.docker.DockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DockerStatsSensorTest {

    @Test
    void samplesMemoryAndProcessesOfARunningContainer() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             TestContainer container = TestContainer.run("bulwark-test/busybox:latest", "sleep", "120")) {
            var running = container.asRunning();
            try (DockerStatsSensor sensor = new DockerStatsSensor(engine.client(), () -> running, Duration.ofSeconds(1))) {
                sensor.start(seen::add, gaps::add);

                Await.until(Duration.ofSeconds(20), () -> !seen.isEmpty(), () -> "gaps " + gaps);

                assertThat(seen.get(0)).isInstanceOfSatisfying(Observation.ResourceSample.class, sample -> {
                    assertThat(sample.containerId()).isEqualTo(container.id());
                    assertThat(sample.memoryBytes()).isPositive();
                    assertThat(sample.pids()).isGreaterThanOrEqualTo(1);
                    assertThat(sample.cpu()).isGreaterThanOrEqualTo(0);
                    assertThat(sample.networkBytes()).isGreaterThanOrEqualTo(0);
                });
            }
        }
    }
}
