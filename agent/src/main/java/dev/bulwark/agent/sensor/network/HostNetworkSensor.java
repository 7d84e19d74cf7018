package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The containers' network as well as this host allows: connections from the kernel's connection tracking events
 * ({@link ConntrackSensor}) and listening sockets polled every {@link #LISTENERS_EVERY} ({@link NetworkSensor}); where
 * connection tracking cannot be used, both are polled every second and a warning says why.
 */
public final class HostNetworkSensor implements Sensor {

    /** How often listeners are polled while connections come from the kernel's events (a bind shell is new within it). */
    static final Duration LISTENERS_EVERY = Duration.ofSeconds(5);

    private final Supplier<Map<String, Long>> containers;
    private final Consumer<String> warn;
    private ConntrackSensor conntrack;
    private NetworkSensor polling;

    /** @param containers the running containers: full container ID → main process ID (host namespace) */
    public HostNetworkSensor(Supplier<Map<String, Long>> containers, Consumer<String> warn) {
        this.containers = Objects.requireNonNull(containers, "containers");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (polling != null) {
            throw new IllegalStateException("sensor network is already started");
        }
        ConntrackSensor events = new ConntrackSensor(containers);
        try {
            events.start(observations, gaps);
            conntrack = events;
        } catch (IllegalStateException unusable) {
            warn.accept("outbound connections are polled once a second, so shorter ones are missed: " + unusable.getMessage());
        }
        polling = conntrack == null ? new NetworkSensor(containers, NetworkSensor.DEFAULT_INTERVAL, Path.of("/proc"), true)
                : new NetworkSensor(containers, LISTENERS_EVERY, Path.of("/proc"), false);
        polling.start(observations, gaps);
    }

    /** Whether connections come from the kernel's events (else from polling). */
    public synchronized boolean eventDriven() {
        return conntrack != null;
    }

    @Override
    public synchronized void close() {
        if (conntrack != null) {
            conntrack.close();
        }
        if (polling != null) {
            polling.close();
        }
    }
}
