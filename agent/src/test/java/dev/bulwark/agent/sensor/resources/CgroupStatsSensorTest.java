package dev.bulwark.agent.sensor.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CgroupStatsSensorTest {

    private static final String BUSYBOX = "bulwark-test/busybox:latest";

    @Test
    void samplesAContainersCpuMemoryAndProcessesFromItsCgroupWithoutTheEngine() throws Exception {
        List<Observation.ResourceSample> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (TestContainer busy = TestContainer.run(BUSYBOX, "sh", "-c", "while :; do :; done");
             TestContainer idle = TestContainer.run(BUSYBOX, "sleep", "120")) {
            Map<String, Long> running = new HashMap<>(busy.asRunning());
            running.putAll(idle.asRunning());
            try (CgroupStatsSensor sensor = new CgroupStatsSensor(() -> running, Duration.ofSeconds(1), Path.of("/proc"),
                    Path.of("/sys/fs/cgroup"))) {
                sensor.start(o -> seen.add((Observation.ResourceSample) o), gaps::add);

                Await.until(Duration.ofSeconds(10), () -> seen.stream().map(Observation::containerId).distinct().count() == 2,
                        () -> "seen " + seen + ", gaps " + gaps);
            }
            assertThat(gaps).isEmpty();
            assertThat(seen).filteredOn(s -> s.containerId().equals(busy.id())).first().satisfies(sample -> {
                assertThat(sample.cpu()).as("a busy loop uses most of a core").isGreaterThan(0.3);
                assertThat(sample.memoryBytes()).isPositive();
                assertThat(sample.pids()).isGreaterThanOrEqualTo(1);
            });
            assertThat(seen).filteredOn(s -> s.containerId().equals(idle.id())).first().satisfies(sample -> {
                assertThat(sample.cpu()).isLessThan(0.05);
                assertThat(sample.pids()).isEqualTo(1);
                assertThat(sample.networkBytes()).isGreaterThanOrEqualTo(0);
            });
        }
    }

    @Test
    void readsCgroupV1AndV2CounterFiles() {
        assertThat(CgroupUsage.controllerPaths("12:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n0::/docker/abc\n"))
                .containsEntry("cpuacct", "/docker/abc").containsEntry("memory", "/docker/abc").containsEntry("", "/docker/abc");
        assertThat(CgroupUsage.field("usage_usec 1500\nuser_usec 1000\n", "usage_usec")).isEqualTo(1500);
        assertThat(CgroupUsage.ioStatBytes("8:0 rbytes=100 wbytes=20 rios=1 wios=1 dbytes=0 dios=0\n8:16 rbytes=5 wbytes=0\n"))
                .isEqualTo(125);
        assertThat(CgroupUsage.blkioBytes("8:0 Read 100\n8:0 Write 20\n8:0 Sync 120\n8:0 Total 120\nTotal 120\n")).isEqualTo(120);
        assertThat(CgroupUsage.networkBytes("""
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:    9999       3    0    0    0     0          0         0     9999       3    0    0    0     0       0          0
                  eth0:     310       3    0    0    0     0          0         0       90       1    0    0    0     0       0          0
                """)).isEqualTo(400);
    }
}
