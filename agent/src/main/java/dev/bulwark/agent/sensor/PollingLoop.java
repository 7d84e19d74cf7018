package dev.bulwark.agent.sensor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a polling sensor's step on its own daemon thread at a fixed delay. A step that throws is reported as a
 * gap (that poll saw nothing) and the next poll still runs.
 */
public final class PollingLoop implements AutoCloseable {

    private final String sensor;
    private final ScheduledExecutorService executor;

    private PollingLoop(String sensor, ScheduledExecutorService executor) {
        this.sensor = sensor;
        this.executor = executor;
    }

    /** Starts running {@code step} now and then every {@code interval} after the previous run ends. */
    public static PollingLoop start(String sensor, Duration interval, Runnable step, Consumer<SensorGap> gaps) {
        Objects.requireNonNull(step, "step");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sensor " + sensor + ": poll interval must be positive, got " + interval);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bulwark-sensor-" + sensor);
            thread.setDaemon(true);
            return thread;
        });
        PollingLoop loop = new PollingLoop(sensor, executor);
        executor.scheduleWithFixedDelay(() -> loop.runStep(step, gaps), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return loop;
    }

    private void runStep(Runnable step, Consumer<SensorGap> gaps) {
        try {
            step.run();
        } catch (RuntimeException e) {
            gaps.accept(new SensorGap(sensor, Instant.now(), "poll failed: " + e));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
