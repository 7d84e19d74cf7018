package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Containers as the agent's view holds them, for profile tests that need no engine. */
final class ProfileTestContainers {

    static final String ID = "c".repeat(64);

    private ProfileTestContainers() {
    }

    static ContainerInfo container(Map<String, String> labels, List<String> command, Map<String, String> mounts,
                                   List<String> healthcheck, long pid) {
        return new ContainerInfo(ID, "web-1", "registry.example:5000/shop/web:1.2", "sha256:" + "a".repeat(64), labels,
                Optional.empty(), false, List.of(), mounts, List.of("shop_default"), pid, true, false, List.of(),
                new ContainerSpec(command, List.of("tcp:8000"), "", List.of("/data"), healthcheck, List.of()), Instant.MIN);
    }
}
