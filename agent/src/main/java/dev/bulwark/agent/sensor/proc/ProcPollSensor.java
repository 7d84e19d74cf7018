package dev.bulwark.agent.sensor.proc;

import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fallback when the process connector is unavailable: lists {@code /proc} every interval and reports container
 * processes it has not seen before (a process is its PID, start time and command name, which exec changes).
 * Processes that start and end between two scans are missed; it says so at start.
 */
public final class ProcPollSensor implements Sensor {

    public static final String NAME = ExecSource.PROC_POLL.word();
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final ContainerProcesses processes;
    private final Duration interval;
    /** PID → its command name and start time at the last scan; touched only by the scan thread. */
    private final Map<Long, ProcReader.Stat> seen = new HashMap<>();
    private ScheduledExecutorService scanner;

    /** @param excludedContainers full IDs of containers not to report, such as the agent's own */
    public ProcPollSensor(ProcReader proc, Set<String> excludedContainers, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("proc-poll interval must be positive, got " + interval);
        }
        this.processes = new ContainerProcesses(proc, excludedContainers);
        this.interval = interval;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (scanner != null) {
            throw new IllegalStateException(NAME + " sensor already started: create a new one");
        }
        gaps.accept(new SensorGap(NAME, Instant.now(), "polling /proc every " + interval.toMillis()
                + " ms: processes shorter than that may be missed"));
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bulwark-" + NAME);
            thread.setDaemon(true);
            return thread;
        });
        scanner.execute(() -> scanSafely(observations, gaps, false));
        scanner.scheduleWithFixedDelay(() -> scanSafely(observations, gaps, true), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanSafely(Consumer<Observation> observations, Consumer<SensorGap> gaps, boolean report) {
        try {
            scan(observations, gaps, report);
        } catch (RuntimeException e) {
            // A failed scan must not end the schedule (an exception would cancel it silently).
            gaps.accept(new SensorGap(NAME, Instant.now(), "a /proc scan failed: " + e.getMessage()));
        }
    }

    /** The first scan only learns what already runs: those processes did not start while the agent watched. */
    private void scan(Consumer<Observation> observations, Consumer<SensorGap> gaps, boolean report) {
        ProcReader proc = processes.proc();
        Set<Long> alive = new HashSet<>();
        for (long pid : proc.pids()) {
            Optional<ProcReader.Stat> stat = proc.stat(pid);
            if (stat.isEmpty()) {
                continue;
            }
            alive.add(pid);
            if (!stat.get().equals(seen.put(pid, stat.get())) && report) {
                describe(pid, observations, gaps);
            }
        }
        seen.keySet().retainAll(alive);
    }

    private void describe(long pid, Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        try {
            processes.describe(pid, Instant.now(), ExecSource.PROC_POLL, gaps).ifPresent(observations);
        } catch (UncheckedIOException e) {
            gaps.accept(new SensorGap(NAME, Instant.now(), "process " + pid + " not reported: " + e.getMessage(), "", false));
        }
    }

    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }
}
