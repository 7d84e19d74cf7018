package dev.bulwark.agent.sensor.resources;

import dev.bulwark.agent.sensor.PollingLoop;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Samples each container's resource use from its cgroup and network namespace files ({@link CgroupUsage}) once per
 * interval, without calling the engine: CPU is the cores used since the previous reading, so a container's first
 * sample comes one interval after it is first seen.
 */
public final class CgroupStatsSensor implements Sensor {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** A reading and when it was taken. */
    private record Reading(long pid, CgroupUsage usage, long nanos) {
    }

    private final Supplier<Map<String, Long>> containers;
    private final Duration interval;
    private final Path proc;
    private final Path cgroupRoot;
    private final Map<String, Reading> previous = new HashMap<>();
    private PollingLoop loop;

    /** @param containers the running containers: full container ID → main process ID */
    public CgroupStatsSensor(Supplier<Map<String, Long>> containers) {
        this(containers, DEFAULT_INTERVAL, Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    CgroupStatsSensor(Supplier<Map<String, Long>> containers, Duration interval, Path proc, Path cgroupRoot) {
        this.containers = Objects.requireNonNull(containers, "containers");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.cgroupRoot = Objects.requireNonNull(cgroupRoot, "cgroupRoot");
    }

    @Override
    public String name() {
        return "cgroup-stats";
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (loop != null) {
            throw new IllegalStateException("sensor cgroup-stats is already started");
        }
        loop = PollingLoop.start(name(), interval, () -> poll(observations, gaps), gaps);
    }

    private void poll(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        Map<String, Long> running = containers.get();
        previous.keySet().retainAll(running.keySet());
        running.forEach((containerId, pid) -> {
            try {
                Optional<CgroupUsage> usage = CgroupUsage.read(proc, cgroupRoot, pid);
                if (usage.isEmpty()) {
                    previous.remove(containerId); // stopped or restarting: its next main process starts afresh
                    return;
                }
                Reading now = new Reading(pid, usage.get(), System.nanoTime());
                Reading before = previous.put(containerId, now);
                if (before != null && before.pid() == pid && now.nanos() > before.nanos()) {
                    double cores = Math.max(0, (double) (now.usage().cpuNanos() - before.usage().cpuNanos()) / (now.nanos() - before.nanos()));
                    observations.accept(new Observation.ResourceSample(containerId, Instant.now(), cores, now.usage().memoryBytes(),
                            now.usage().pids(), now.usage().networkBytes(), now.usage().blockBytes()));
                }
            } catch (IOException | RuntimeException e) {
                gaps.accept(new SensorGap(name(), Instant.now(), "could not read the resource use of container " + containerId
                        + " (pid " + pid + "): " + e, containerId));
            }
        });
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }
}
