package dev.bulwark.agent.sensor.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.scanner.docker.DockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DockerChangesSensorTest {

    @Test
    void reportsAFileDroppedInTheContainerOnce() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             TestContainer container = TestContainer.run("bulwark-test/busybox:latest", "sleep", "120")) {
            var running = container.asRunning();
            try (DockerChangesSensor sensor = new DockerChangesSensor(engine.client(), () -> running,
                    Duration.ofMillis(300))) {
                sensor.start(seen::add, gaps::add);

                container.exec("sh", "-c", "echo x > /tmp/dropped");

                Await.until(Duration.ofSeconds(15), () -> seen.stream().anyMatch(DockerChangesSensorTest::isDropped),
                        () -> "seen " + seen + ", gaps " + gaps);
                Thread.sleep(900);
                assertThat(seen).filteredOn(DockerChangesSensorTest::isDropped).singleElement()
                        .isInstanceOfSatisfying(Observation.FileAccess.class, access -> {
                            assertThat(access.containerId()).isEqualTo(container.id());
                            assertThat(access.kind()).isEqualTo(FileAccessKind.CREATE);
                        });
                assertThat(gaps).isEmpty();
            }
        }
    }

    @Test
    void readsTheFirstHundredThousandEntriesOfALargerLayerWithoutSofteningBlocks() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             TestContainer container = TestContainer.run("bulwark-test/busybox:latest", "sleep", "300")) {
            container.exec("sh", "-c", "mkdir /tmp/many && cd /tmp/many && seq 100001 | xargs touch");
            var running = container.asRunning();
            try (DockerChangesSensor sensor = new DockerChangesSensor(engine.client(), () -> running,
                    Duration.ofSeconds(2))) {
                sensor.start(seen::add, gaps::add);

                Await.until(Duration.ofSeconds(60), () -> !gaps.isEmpty() && seen.size() >= 99_000,
                        () -> seen.size() + " seen, gaps " + gaps);

                assertThat(gaps).allSatisfy(gap -> {
                    assertThat(gap.container()).isEqualTo(container.id());
                    assertThat(gap.softens()).as("writing many files must not earn alert-only mode").isFalse();
                    assertThat(gap.why()).contains("more than 100000 entries");
                });
                assertThat(seen).hasSizeLessThanOrEqualTo(WritableLayer.MOST_ENTRIES)
                        .allSatisfy(o -> assertThat(((Observation.FileAccess) o).path()).startsWith("/tmp"));
            }
        }
    }

    @Test
    void mapsTheEnginesChangeKinds() {
        assertThat(DockerChangesSensor.kindOf(0)).isEqualTo(FileAccessKind.WRITE);
        assertThat(DockerChangesSensor.kindOf(1)).isEqualTo(FileAccessKind.CREATE);
        assertThat(DockerChangesSensor.kindOf(2)).isEqualTo(FileAccessKind.DELETE);
    }

    private static boolean isDropped(Observation o) {
        return o instanceof Observation.FileAccess f && f.path().equals("/tmp/dropped");
    }

    @Test
    void leavesOutDirectoriesChangedOnlyBecauseSomethingInsideChanged() {
        var changes = java.util.List.of(change("/var", 0), change("/var/log", 0), change("/var/log/app.log", 1),
                change("/etc/motd", 0), change("/usr/bin/evil", 1), change("/usr/bin", 0));

        assertThat(DockerChangesSensor.withoutParentDirectories(changes)).extracting(LayerChange::path)
                .containsExactly("/var/log/app.log", "/etc/motd", "/usr/bin/evil");
    }

    private static LayerChange change(String path, int kind) {
        return new LayerChange(path, DockerChangesSensor.kindOf(kind));
    }
}
