package dev.bulwark.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers running on the engine, kept current by {@link DockerEventWatcher}. Safe to read from any
 * thread; each entry is an immutable {@link ContainerInfo} that is replaced whole, never changed in place.
 */
public final class ContainerView {

    private final DockerClient docker;
    private final Map<String, ContainerInfo> containers = new ConcurrentHashMap<>();

    public ContainerView(DockerClient docker) {
        this.docker = Objects.requireNonNull(docker, "docker");
    }

    /**
     * Lists the running (and paused) containers and inspects each, so containers started while the agent was
     * down are known; containers no longer running are dropped.
     */
    public void resync() {
        var listed = docker.listContainersCmd().exec();
        var seen = new java.util.HashSet<String>();
        for (var container : listed) {
            refresh(container.getId()).ifPresent(info -> seen.add(info.id()));
        }
        containers.keySet().retainAll(seen);
    }

    /**
     * Inspects one container and records what it is now: a running container is put, one that stopped or
     * is gone is removed.
     */
    public Optional<ContainerInfo> refresh(String containerId) {
        try {
            ContainerInfo info = ContainerInfo.of(docker.inspectContainerCmd(containerId).exec());
            if (info.running()) {
                containers.put(info.id(), info);
                return Optional.of(info);
            }
            containers.remove(info.id());
            return Optional.empty();
        } catch (NotFoundException gone) {
            remove(containerId);
            return Optional.empty();
        }
    }

    public void remove(String containerId) {
        containers.remove(containerId);
    }

    public Optional<ContainerInfo> get(String containerId) {
        return Optional.ofNullable(containers.get(containerId));
    }

    /** A snapshot of the containers known now. */
    public Collection<ContainerInfo> all() {
        return List.copyOf(containers.values());
    }
}
