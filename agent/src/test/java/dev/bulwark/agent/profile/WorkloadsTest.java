package dev.bulwark.agent.profile;

import static dev.bulwark.agent.profile.ProfileTestContainers.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    private static final List<String> COMMAND = List.of("python3", "/srv/app.py");

    @Test
    void aWorkloadLabelWinsOverComposeLabelsAndTheCommand() {
        var labelled = container(Map.of("bulwark.workload", "payments", "com.docker.compose.project", "shop",
                "com.docker.compose.service", "web"), COMMAND, Map.of(), List.of(), 1);
        var composed = container(Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web"), COMMAND,
                Map.of(), List.of(), 1);
        var plain = container(Map.of(), COMMAND, Map.of(), List.of(), 1);

        assertThat(Workloads.keyOf(labelled).workload()).isEqualTo("label:payments");
        assertThat(Workloads.keyOf(composed).workload()).isEqualTo("compose:shop/web");
        assertThat(Workloads.keyOf(plain).workload()).isEqualTo("run:python3 /srv/app.py");
    }

    @Test
    void theRepositoryDropsTagAndDigestButKeepsARegistryPort() {
        assertThat(Workloads.repository("registry.example:5000/shop/web:1.2")).isEqualTo("registry.example:5000/shop/web");
        assertThat(Workloads.repository("shop/web@sha256:abc")).isEqualTo("shop/web");
        assertThat(Workloads.repository("nginx")).isEqualTo("nginx");
    }

    @Test
    void replicasWithTheirOwnAnonymousVolumesShareAFingerprintButAnotherBindMountDoesNot() {
        var one = container(Map.of(), COMMAND, Map.of("/var/lib/docker/volumes/1111/_data", "/data"), List.of(), 1);
        var two = container(Map.of(), COMMAND, Map.of("/var/lib/docker/volumes/2222/_data", "/data"), List.of(), 1);
        var bound = container(Map.of(), COMMAND, Map.of("/srv/host-data", "/data"), List.of(), 1);
        var otherCommand = container(Map.of(), List.of("python3", "/srv/admin.py"), Map.of(), List.of(), 1);

        assertThat(Workloads.fingerprint(one)).isEqualTo(Workloads.fingerprint(two));
        assertThat(Workloads.fingerprint(bound)).isNotEqualTo(Workloads.fingerprint(one));
        assertThat(Workloads.fingerprint(otherCommand)).isNotEqualTo(Workloads.fingerprint(container(Map.of(), COMMAND,
                Map.of(), List.of(), 1)));
    }
}
