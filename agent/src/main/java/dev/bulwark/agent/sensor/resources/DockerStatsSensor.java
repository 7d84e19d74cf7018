package dev.bulwark.agent.sensor.resources;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.bulwark.agent.sensor.PollingLoop;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Takes one stats reading per container from the engine ({@code GET /containers/{id}/stats?stream=false}, which
 * waits for two CPU readings so the CPU share is meaningful) and reports it as a resource sample.
 */
public final class DockerStatsSensor implements Sensor {

    private static final System.Logger LOG = System.getLogger(DockerStatsSensor.class.getName());

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration READING_TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final Supplier<Map<String, Long>> containers;
    private final Duration interval;
    private PollingLoop loop;
    private final Object reporting = new Object();
    private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(READERS, runnable -> {
        Thread thread = new Thread(runnable, "bulwark-docker-stats");
        thread.setDaemon(true);
        return thread;
    });

    /** @param containers the running containers: full container ID → main process ID */
    public DockerStatsSensor(DockerClient docker, Supplier<Map<String, Long>> containers, Duration interval) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.containers = Objects.requireNonNull(containers, "containers");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public DockerStatsSensor(DockerClient docker, Supplier<Map<String, Long>> containers) {
        this(docker, containers, DEFAULT_INTERVAL);
    }

    @Override
    public String name() {
        return "docker-stats";
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (loop != null) {
            throw new IllegalStateException("sensor docker-stats is already started");
        }
        loop = PollingLoop.start(name(), interval, () -> poll(observations, gaps), gaps);
    }

    private static final int READERS = 8;

    /** The engine takes about a second per reading (it measures CPU over one): read several containers at once. */
    private void poll(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        java.util.List<java.util.concurrent.Callable<Void>> readings = new java.util.ArrayList<>();
        for (String containerId : containers.get().keySet()) {
            readings.add(() -> {
                readAndReport(containerId, observations, gaps);
                return null;
            });
        }
        try {
            readers.invokeAll(readings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAndReport(String containerId, Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        try {
            Statistics stats = readOnce(containerId);
            if (stats != null) {
                synchronized (reporting) {
                    observations.accept(sample(containerId, Instant.now(), stats));
                }
            }
        } catch (NotFoundException e) {
            // Safe to skip: the container was removed between listing and asking, so there is nothing left to sample.
            LOG.log(System.Logger.Level.DEBUG, "container " + containerId + " was gone before its stats were read", e);
        } catch (RuntimeException e) {
            gaps.accept(new SensorGap(name(), Instant.now(), "could not read stats of container " + containerId
                    + ": " + e, containerId));
        }
    }

    private Statistics readOnce(String containerId) {
        AtomicReference<Statistics> reading = new AtomicReference<>();
        try (ResultCallback.Adapter<Statistics> callback = docker.statsCmd(containerId).withNoStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Statistics statistics) {
                        reading.compareAndSet(null, statistics);
                    }
                })) {
            if (!callback.awaitCompletion(READING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no stats within " + READING_TIMEOUT);
            }
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample a stats reading shows: CPU cores used over the reading's window, memory, processes and I/O. */
    static Observation.ResourceSample sample(String containerId, Instant at, Statistics stats) {
        long networkBytes = stats.getNetworks() == null ? 0 : stats.getNetworks().values().stream()
                .mapToLong(n -> orZero(n.getRxBytes()) + orZero(n.getTxBytes())).sum();
        long memory = stats.getMemoryStats() == null ? 0 : orZero(stats.getMemoryStats().getUsage());
        long pids = stats.getPidsStats() == null ? 0 : orZero(stats.getPidsStats().getCurrent());
        return new Observation.ResourceSample(containerId, at, cpuCores(stats.getCpuStats(), stats.getPreCpuStats()),
                memory, pids, networkBytes, blockBytes(stats));
    }

    static double cpuCores(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null) {
            return 0;
        }
        long cpuDelta = orZero(now.getCpuUsage().getTotalUsage()) - orZero(before.getCpuUsage().getTotalUsage());
        long systemDelta = orZero(now.getSystemCpuUsage()) - orZero(before.getSystemCpuUsage());
        long online = orZero(now.getOnlineCpus());
        if (cpuDelta <= 0 || systemDelta <= 0 || online <= 0) {
            return 0;
        }
        return (double) cpuDelta / systemDelta * online;
    }

    /** Bytes read plus written; cgroup v1 also lists a Total (and sync/async splits) that would count twice. */
    private static long blockBytes(Statistics stats) {
        if (stats.getBlkioStats() == null || stats.getBlkioStats().getIoServiceBytesRecursive() == null) {
            return 0;
        }
        List<BlkioStatEntry> entries = stats.getBlkioStats().getIoServiceBytesRecursive();
        return entries.stream()
                .filter(e -> "read".equalsIgnoreCase(e.getOp()) || "write".equalsIgnoreCase(e.getOp()))
                .mapToLong(e -> orZero(e.getValue()))
                .sum();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            readers.shutdownNow();
            loop = null;
        }
    }
}
