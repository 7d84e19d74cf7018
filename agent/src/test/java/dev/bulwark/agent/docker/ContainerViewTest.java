package dev.bulwark.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.mode.ContainerMode;
import dev.bulwark.scanner.docker.DockerEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against the real Docker engine with the locally built test images. */
class ContainerViewTest {

    private final DockerCli cli = new DockerCli();
    private final DockerEngine engine = DockerEngine.fromEnvironment();

    @AfterEach
    void removeContainers() {
        cli.removeAll();
        engine.close();
    }

    @Test
    void findsContainersStartedBeforeTheAgent() {
        String name = DockerCli.uniqueName("view");
        String id = cli.runSleeper(name, "--label", "bulwark.mode=monitor");
        ContainerView view = new ContainerView(engine.client());

        view.resync();

        assertThat(view.get(id)).hasValueSatisfying(info -> {
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.image()).isEqualTo(DockerCli.BUSYBOX);
            assertThat(info.imageId()).startsWith("sha256:");
            assertThat(info.mode()).contains(ContainerMode.MONITOR);
            assertThat(info.privileged()).isFalse();
            assertThat(info.networks()).containsExactly("bridge");
            assertThat(info.pid()).isPositive();
            assertThat(info.running()).isTrue();
            assertThat(info.paused()).isFalse();
        });
        assertThat(view.all()).extracting(ContainerInfo::id).contains(id);
    }

    @Test
    void readsPrivilegeCapabilitiesAndMountsFromTheInspect() {
        String id = cli.createSleeper(DockerCli.uniqueName("privileged"), "--privileged", "--cap-add", "NET_ADMIN",
                "-v", "/tmp:/host-tmp:ro", "--network", "none");

        ContainerInfo info = ContainerInfo.of(engine.client().inspectContainerCmd(id).exec());

        assertThat(info.running()).isFalse();
        assertThat(info.pid()).isZero();
        assertThat(info.privileged()).isTrue();
        assertThat(info.addedCapabilities()).contains("NET_ADMIN");
        assertThat(info.mounts()).containsEntry("/tmp", "/host-tmp");
        assertThat(info.networks()).containsExactly("none");
        assertThat(info.mode()).isEmpty();
    }

    @Test
    void dropsContainersThatStoppedOnTheNextResync() {
        String id = cli.runSleeper(DockerCli.uniqueName("stopped"));
        ContainerView view = new ContainerView(engine.client());
        view.resync();

        DockerCli.docker("kill", id);
        view.resync();

        assertThat(view.get(id)).isEmpty();
    }
}
