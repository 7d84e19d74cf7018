package dev.bulwark.agent.sensor.files;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import dev.bulwark.agent.sensor.PollingLoop;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls each container's writable layer and reports every path created, changed or deleted since the image, once per
 * (path, kind) for each run of the container (a restart reports them again). Directories changed only because
 * something inside them changed are left out. The layer is read directly where the container's root is an overlay
 * the agent can read ({@link WritableLayer}), which costs the engine nothing; otherwise the engine is asked
 * ({@code GET /containers/{id}/changes}). It sees only the end state between polls and no reads.
 */
public final class DockerChangesSensor implements Sensor {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /**
     * The interval where fanotify reports writes as they happen: the layer is then a slow net for what fanotify does
     * not report (deletions, new directories).
     */
    public static final Duration BEHIND_FANOTIFY = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final Supplier<Map<String, Long>> containers;
    private final Duration interval;
    private final Map<String, Set<String>> reported = new HashMap<>();
    private final Map<String, Long> mainProcess = new HashMap<>();
    private final Map<String, Optional<WritableLayer>> layers = new HashMap<>(); // of the main process now
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
        layers.keySet().retainAll(running.keySet());
        for (String containerId : running.keySet()) {
            try {
                long pid = running.get(containerId);
                if (!Long.valueOf(pid).equals(mainProcess.put(containerId, pid))) {
                    reported.remove(containerId); // started again: what it writes while starting counts again
                    layers.put(containerId, WritableLayer.of(pid));
                }
                Optional<WritableLayer> layer = layers.get(containerId);
                WritableLayer.Read read = layer.isPresent() ? layer.get().changes() : new WritableLayer.Read(fromEngine(containerId), false);
                List<LayerChange> changes = read.changes();
                if (read.cut()) { // softens nothing: writing many files must not earn a container alert-only mode
                    gaps.accept(new SensorGap(name(), Instant.now(), "the writable layer of container " + containerId
                            + " holds more than " + WritableLayer.MOST_ENTRIES + " entries; only the first were read",
                            containerId, false));
                }
                Set<String> before = reported.computeIfAbsent(containerId, id -> new HashSet<>());
                for (LayerChange change : withoutParentDirectories(changes)) {
                    if (before.add(change.kind().word() + " " + change.path())) {
                        observations.accept(new Observation.FileAccess(containerId, Instant.now(), change.path(),
                                change.kind(), 0));
                    }
                }
            } catch (NotFoundException | NoSuchFileException e) {
                // Removed between listing and asking: the next listing drops it.
                reported.remove(containerId);
                mainProcess.remove(containerId);
            } catch (IOException | RuntimeException e) {
                gaps.accept(new SensorGap(name(), Instant.now(), "could not list changes of container " + containerId
                        + ": " + e, containerId));
            }
        }
    }

    private List<LayerChange> fromEngine(String containerId) {
        List<ChangeLog> changes = docker.containerDiffCmd(containerId).exec();
        return changes == null ? List.of() : changes.stream().map(c -> new LayerChange(c.getPath(), kindOf(c.getKind()))).toList();
    }

    /**
     * The changes without a directory reported as changed only because something inside it changed: the engine lists
     * {@code C /var}, {@code C /var/log} and {@code A /var/log/app.log} for one new file.
     */
    static List<LayerChange> withoutParentDirectories(List<LayerChange> changes) {
        Set<String> parents = new HashSet<>();
        for (LayerChange change : changes) {
            String path = change.path();
            for (int slash = path.lastIndexOf('/', path.length() - 2); slash >= 0; slash = path.lastIndexOf('/', slash - 1)) {
                if (!parents.add(slash == 0 ? "/" : path.substring(0, slash)) || slash == 0) {
                    break; // this parent, and so every one above it, is in already
                }
            }
        }
        return changes.stream().filter(change -> !(change.kind() == FileAccessKind.WRITE
                && parents.contains(change.path()))).toList();
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
