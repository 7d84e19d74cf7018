package dev.bulwark.agent.sensor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Runs as root against the real kernel: fanotify marks on Docker's overlay2 container roots work on Linux 6.x. */
class FanotifySensorTest {

    @Test
    void reportsAReadOfEtcShadowInTheContainerThatMadeIt() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (TestContainer container = TestContainer.run("bulwark-test/debian:latest", "sleep", "120");
             TestContainer bystander = TestContainer.run("bulwark-test/debian:latest", "sleep", "120")) {
            Map<String, Long> running = Map.of(container.id(), container.mainPid(), bystander.id(), bystander.mainPid());
            try (FanotifySensor sensor = new FanotifySensor(() -> running)) {
                sensor.start(seen::add, gaps::add);

                container.exec("cat", "/etc/shadow");

                Await.until(Duration.ofSeconds(10), () -> seen.stream().anyMatch(FanotifySensorTest::isShadowRead),
                        () -> "gaps " + gaps + ", seen " + seen.size() + " events");
                assertThat(seen).filteredOn(FanotifySensorTest::isShadowRead)
                        .allSatisfy(o -> assertThat(o.containerId()).isEqualTo(container.id()))
                        .allSatisfy(o -> assertThat(((Observation.FileAccess) o).pid()).isPositive());
                assertThat(gaps).isEmpty();
            }
        }
    }

    @Test
    void seesWritesAndCredentialReadsOnEveryMountOfTheContainerByTheirPathsInIt() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (TestContainer container = TestContainer.runWith(List.of("-v", "/data", "--tmpfs", "/scratch"),
                "bulwark-test/debian:latest", "sleep", "120")) {
            try (FanotifySensor sensor = new FanotifySensor(container::asRunning)) {
                sensor.start(seen::add, gaps::add);

                container.exec("sh", "-c", "echo a > /data/dropped; echo b > /scratch/dropped; echo c > /scratch/gone;"
                        + " rm /scratch/gone; cp /etc/shadow /data/shadow; cat /data/shadow > /dev/null; echo d > /dev/null");

                List<String> expected = List.of("/data/dropped", "/scratch/dropped", "/scratch/gone", "/data/shadow");
                Await.until(Duration.ofSeconds(10), () -> writes(seen).containsAll(expected),
                        () -> "gaps " + gaps + ", writes seen " + writes(seen));
                assertThat(seen).filteredOn(o -> o instanceof Observation.FileAccess f && f.kind() == FileAccessKind.READ
                        && f.path().equals("/data/shadow")).isNotEmpty();
                assertThat(writes(seen)).as("device nodes under /dev are not watched").doesNotContain("/dev/null");
                assertThat(gaps).isEmpty();
            }
        }
    }

    private static List<String> writes(List<Observation> seen) {
        return seen.stream().filter(o -> o instanceof Observation.FileAccess f && f.kind() == FileAccessKind.WRITE)
                .map(o -> ((Observation.FileAccess) o).path()).distinct().toList();
    }

    @Test
    void seesTheProgramsARestartedContainerRunsEvenOnesThatExitAtOnce() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        try (TestContainer container = TestContainer.run("bulwark-test/debian:latest", "sleep", "120")) {
            var running = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>(Map.of(container.id(), container.mainPid()));
            try (FanotifySensor sensor = new FanotifySensor(running::get)) {
                sensor.start(seen::add, gap -> { });
                dev.bulwark.scanner.testing.Containers.exec(List.of("docker", "restart", "-t", "0", container.id()));
                long restarted = Long.parseLong(dev.bulwark.scanner.testing.Containers.exec(List.of("docker", "inspect", "-f",
                        "{{.State.Pid}}", container.id())).strip());
                running.set(Map.of(container.id(), restarted));
                Thread.sleep(1_500); // the sensor looks for new and restarted containers every second

                container.exec("/usr/bin/true");

                Await.until(Duration.ofSeconds(10), () -> seen.stream().anyMatch(o -> o instanceof Observation.FileAccess f
                        && f.kind() == FileAccessKind.EXEC && f.path().equals("/usr/bin/true")), () -> "seen " + seen.size() + " events");
            }
        }
    }

    @Test
    void refusesToStartWhenAContainerRootCannotBeMarked() {
        FanotifySensor sensor = new FanotifySensor(() -> Map.of("gone", Long.MAX_VALUE));

        assertThatThrownBy(() -> sensor.start(o -> { }, g -> { }))
                .isInstanceOf(FanotifyUnavailableException.class)
                .hasMessageContaining("cannot mark the root mount of container gone")
                .hasMessageContaining("No such file or directory");
        sensor.close();
    }

    @Test
    void splitsAReadIntoEventsAndNamesTheirKinds() {
        ByteBuffer bytes = ByteBuffer.allocate(48).order(ByteOrder.nativeOrder());
        bytes.putInt(24).put((byte) 3).put((byte) 0).putShort((short) 24).putLong(Fanotify.FAN_OPEN).putInt(7).putInt(42);
        bytes.putInt(24).put((byte) 3).put((byte) 0).putShort((short) 24)
                .putLong(Fanotify.FAN_MODIFY | Fanotify.FAN_CLOSE_WRITE).putInt(8).putInt(43);

        List<FanotifyEvent> events = FanotifyEvent.parse(bytes.array(), 48);

        assertThat(events).containsExactly(new FanotifyEvent(Fanotify.FAN_OPEN, 7, 42),
                new FanotifyEvent(Fanotify.FAN_MODIFY | Fanotify.FAN_CLOSE_WRITE, 8, 43));
        assertThat(events.get(0).kinds()).containsExactly(FileAccessKind.READ);
        assertThat(events.get(1).kinds()).containsExactly(FileAccessKind.WRITE);
    }

    private static boolean isShadowRead(Observation o) {
        return o instanceof Observation.FileAccess f && f.path().equals("/etc/shadow") && f.kind() == FileAccessKind.READ;
    }
}
