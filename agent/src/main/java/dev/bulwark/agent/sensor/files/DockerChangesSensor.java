package dev.bulwark.agent.sensor.files;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import dev.bulwark.agent.sensor.PollingLoop;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls the engine's view of each container's writable layer ({@code GET /containers/{id}/changes}) and reports
 * every path created, changed or deleted since the image, once per (path, kind) for each run of the container (a
 * restart reports them again). Directories changed only because something inside them changed are left out. It
 * sees only the end state between polls and no reads, but needs no privileges beyond the Docker API.
 */
public final class DockerChangesSensor implements Sensor {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /**
     * The interval where fanotify reports writes as they happen: the engine's diff is then a slow net for what
     * fanotify does not report (deletions, new directories), at a sixth of the engine's cost.
     */
    public static final Duration BEHIND_FANOTIFY = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final Supplier<Map<String, Long>> containers;
    private final Duration interval;
    private final Map<String, Set<String>> reported = new HashMap<>();
    private final Map<String, Long> mainProcess = new HashMap<>();
    private PollingLoop loop;

    /** @param containers the running containers: full container ID → main process ID */
    public DockerChangesSensor(DockerClient docker, Supplier<Map<String, Long>> containers, Duration interval) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.containers = Objects.requireNonNull(containers, "containers");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public DockerChangesSensor(DockerClient docker, Supplier<Map<String, Long>> containers) {
        this(docker, containers, DEFAULT_INTERVAL);
    }

    @Override
    public String name() {
        return "docker-changes";
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (loop != null) {
            throw new IllegalStateException("sensor docker-changes is already started");
        }
        loop = PollingLoop.start(name(), interval, () -> poll(observations, gaps), gaps);
    }

    private void poll(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        Map<String, Long> running = containers.get();
        reported.keySet().retainAll(running.keySet());
        mainProcess.keySet().retainAll(running.keySet());
        for (String containerId : running.keySet()) {
            try {
                List<ChangeLog> changes = docker.containerDiffCmd(containerId).exec();
                if (!running.get(containerId).equals(mainProcess.put(containerId, running.get(containerId)))) {
                    reported.remove(containerId); // started again: what it writes while starting counts again
                }
                Set<String> before = reported.computeIfAbsent(containerId, id -> new HashSet<>());
                for (ChangeLog change : withoutParentDirectories(changes == null ? List.<ChangeLog>of() : changes)) {
                    FileAccessKind kind = kindOf(change.getKind());
                    if (before.add(kind.word() + " " + change.getPath())) {
                        observations.accept(new Observation.FileAccess(containerId, Instant.now(), change.getPath(),
                                kind, 0));
                    }
                }
            } catch (NotFoundException e) {
                // Removed between listing and asking: the next listing drops it.
                reported.remove(containerId);
            } catch (RuntimeException e) {
                gaps.accept(new SensorGap(name(), Instant.now(), "could not list changes of container " + containerId
                        + ": " + e, containerId));
            }
        }
    }

    /**
     * The changes without a directory reported as modified only because something inside it changed: the engine lists
     * {@code C /var}, {@code C /var/log} and {@code A /var/log/app.log} for one new file.
     */
    static List<ChangeLog> withoutParentDirectories(List<ChangeLog> changes) {
        Set<String> paths = new HashSet<>();
        changes.forEach(change -> paths.add(change.getPath()));
        return changes.stream().filter(change -> !(Integer.valueOf(0).equals(change.getKind())
                && paths.stream().anyMatch(other -> other.startsWith(change.getPath().equals("/") ? "/" : change.getPath() + "/")
                        && !other.equals(change.getPath())))).toList();
    }

    /** The engine's change kinds: 0 modified, 1 added, 2 deleted. */
    static FileAccessKind kindOf(Integer kind) {
        if (kind == null) {
            throw new IllegalArgumentException("the engine reported a change without a kind");
        }
        return switch (kind) {
            case 0 -> FileAccessKind.WRITE;
            case 1 -> FileAccessKind.CREATE;
            case 2 -> FileAccessKind.DELETE;
            default -> throw new IllegalArgumentException("the engine reported unknown change kind " + kind
                    + " (expected 0 modified, 1 added or 2 deleted)");
        };
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }
}
