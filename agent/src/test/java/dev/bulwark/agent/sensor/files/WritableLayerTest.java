package dev.bulwark.agent.sensor.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.scanner.docker.DockerEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritableLayerTest {

    @Test
    void readsTheSameChangesTheEngineReportsWithoutAskingIt() throws Exception {
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             TestContainer container = TestContainer.runWith(List.of("--network", "none"), "bulwark-test/busybox:latest",
                     "sleep", "120")) {
            container.exec("sh", "-c", "echo x > /tmp/added && mkdir -p /var/lib/app/cache && echo y > /var/lib/app/cache/z"
                    + " && rm /bin/arp && rm -r /sys 2>/dev/null; echo changed >> /etc/passwd; ln -s /bin/busybox /tmp/link");

            WritableLayer.Read whole = WritableLayer.of(container.mainPid()).orElseThrow().changes();
            List<LayerChange> read = whole.changes();
            assertThat(whole.cut()).isFalse();

            List<LayerChange> engines = engine.client().containerDiffCmd(container.id()).exec().stream()
                    .map(change -> new LayerChange(change.getPath(), DockerChangesSensor.kindOf(change.getKind()))).toList();
            assertThat(read).containsExactlyInAnyOrderElementsOf(engines);
            assertThat(DockerChangesSensor.withoutParentDirectories(read)).containsExactlyInAnyOrder(
                    new LayerChange("/tmp/added", FileAccessKind.CREATE), new LayerChange("/tmp/link", FileAccessKind.CREATE),
                    new LayerChange("/var", FileAccessKind.CREATE), new LayerChange("/var/lib", FileAccessKind.CREATE),
                    new LayerChange("/var/lib/app", FileAccessKind.CREATE), new LayerChange("/var/lib/app/cache", FileAccessKind.CREATE),
                    new LayerChange("/var/lib/app/cache/z", FileAccessKind.CREATE), new LayerChange("/bin/arp", FileAccessKind.DELETE),
                    new LayerChange("/etc/passwd", FileAccessKind.WRITE));
        }
    }

    @Test
    void anUntouchedContainerHasNoChanges() throws Exception {
        try (TestContainer container = TestContainer.runWith(List.of("--network", "none"), "bulwark-test/busybox:latest",
                "sleep", "120")) {
            assertThat(WritableLayer.of(container.mainPid()).orElseThrow().changes().changes()).isEmpty();
        }
    }

    @Test
    void aRootThatIsNotAnOverlayIsLeftToTheEngine() {
        assertThat(WritableLayer.parse("rw,relatime")).isEmpty();
        assertThat(WritableLayer.parse("rw,lowerdir=/nonexistent/l/A,upperdir=/nonexistent/diff,workdir=/nonexistent/work")).isEmpty();
    }
}
