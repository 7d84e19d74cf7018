package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.PollingLoop;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls each container's socket tables through its main process ({@code /proc/<pid>/net/tcp} shows the
 * container's network namespace) and reports listening sockets and (unless {@link ConntrackSensor} reports them)
 * outbound connections, each once for as long as it stays open. When only listeners are wanted, TCP listeners are
 * asked of the kernel's socket monitoring in the container's namespace ({@link TcpListeners}), which costs a small
 * fraction of reading the TCP tables (those walk every connection of the host); where that is refused, the tables. Polling misses a connection shorter than its
 * interval, and guesses direction from ports. Connections accepted by a listening socket are inbound and not reported, and neither are the
 * listeners of Docker's embedded DNS server ({@value #DOCKER_DNS}).
 */
public final class NetworkSensor implements Sensor {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /**
     * Docker's embedded DNS server listens in every container on a user-defined network, at this address on random
     * ports: the engine's sockets, not the container's.
     */
    static final String DOCKER_DNS = "127.0.0.11";

    private final Supplier<Map<String, Long>> containers;
    private final Duration interval;
    private final Path proc;
    private final boolean connections;
    private TcpListeners tcpListeners;
    private final Map<String, Set<Observation>> reported = new HashMap<>();
    // Ports a container ever listened on: a one-shot server (nc -l) closes its listener once it accepts.
    private final Map<String, Set<String>> listenedPorts = new HashMap<>();
    private PollingLoop loop;

    /** @param containers the running containers: full container ID → main process ID (host namespace) */
    public NetworkSensor(Supplier<Map<String, Long>> containers, Duration interval) {
        this(containers, interval, Path.of("/proc"));
    }

    NetworkSensor(Supplier<Map<String, Long>> containers, Duration interval, Path proc) {
        this(containers, interval, proc, true);
    }

    /** @param connections whether connections are reported too, or listening sockets only */
    NetworkSensor(Supplier<Map<String, Long>> containers, Duration interval, Path proc, boolean connections) {
        this.connections = connections;
        this.containers = Objects.requireNonNull(containers, "containers");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.tcpListeners = connections ? null : new TcpListeners(proc);
    }

    public NetworkSensor(Supplier<Map<String, Long>> containers) {
        this(containers, DEFAULT_INTERVAL);
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (loop != null) {
            throw new IllegalStateException("sensor network is already started");
        }
        loop = PollingLoop.start(name(), interval, () -> poll(observations, gaps), gaps);
    }

    private void poll(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        Map<String, Long> running = containers.get();
        reported.keySet().retainAll(running.keySet());
        listenedPorts.keySet().retainAll(running.keySet());
        if (tcpListeners != null) {
            tcpListeners.retain(running.keySet());
        }
        running.forEach((containerId, pid) -> {
            try {
                List<SocketEntry> sockets = readTables(containerId, pid, gaps);
                Set<String> listened = listenedPorts.computeIfAbsent(containerId, id -> new HashSet<>());
                Set<Observation> now = observe(containerId, sockets, listened);
                if (!connections) {
                    now.removeIf(Observation.Connect.class::isInstance);
                }
                Set<Observation> before = reported.computeIfAbsent(containerId, id -> new HashSet<>());
                now.stream().filter(o -> !before.contains(o)).forEach(o -> observations.accept(stamped(o)));
                before.retainAll(now);
                before.addAll(now);
            } catch (NoSuchFileException e) {
                // The container stopped between listing and reading: the next listing drops it.
                reported.remove(containerId);
                listenedPorts.remove(containerId);
            } catch (IOException | RuntimeException e) {
                gaps.accept(new SensorGap(name(), Instant.now(), "could not read sockets of container "
                        + containerId + " (pid " + pid + "): " + e, containerId));
            }
        });
    }

    private List<SocketEntry> readTables(String containerId, long pid, Consumer<SensorGap> gaps) throws IOException {
        List<SocketEntry> sockets = new ArrayList<>();
        boolean tcpAsked = tcpListeners != null && askListeners(containerId, pid, sockets, gaps);
        for (Protocol protocol : Protocol.values()) {
            if (tcpAsked && protocol.isTcp()) {
                continue;
            }
            Path file = proc.resolve(Long.toString(pid)).resolve("net").resolve(protocol.word());
            if ((protocol == Protocol.TCP6 || protocol == Protocol.UDP6) && !Files.exists(file)) {
                continue; // IPv6 disabled in this namespace
            }
            sockets.addAll(ProcNetParser.parse(protocol, Files.readString(file)));
        }
        return sockets;
    }

    /** Adds the container's TCP listeners from socket monitoring; false when they must be read from the tables. */
    private boolean askListeners(String containerId, long pid, List<SocketEntry> sockets, Consumer<SensorGap> gaps)
            throws NoSuchFileException {
        try {
            sockets.addAll(tcpListeners.of(containerId, pid));
            return true;
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (IOException e) {
            // Nothing was missed (the tables hold the listeners too): this softens nothing.
            gaps.accept(new SensorGap(name(), Instant.now(), e.getMessage() + "; read from /proc this time", containerId, false));
            return false;
        } catch (RuntimeException unusable) { // not root, no setns: this host does not let the agent ask
            gaps.accept(new SensorGap(name(), Instant.now(), "listening sockets are read from /proc from now on: "
                    + unusable.getMessage(), "", false));
            tcpListeners.close();
            tcpListeners = null;
            return false;
        }
    }

    /**
     * What the sockets show, with the time left at {@link Instant#EPOCH} so that the same socket seen twice is
     * equal: listening sockets, and connections that are not accepted by one of the container's listeners.
     *
     * @param listeningPorts the TCP ports the container listened on before; this call adds the ones it listens on now
     */
    static Set<Observation> observe(String containerId, List<SocketEntry> sockets, Set<String> listeningPorts) {
        Set<Observation> seen = new HashSet<>();
        for (SocketEntry socket : sockets) {
            if (socket.isListening() && !socket.localAddress().equals(DOCKER_DNS)) {
                listeningPorts.add(Integer.toString(socket.localPort())); // a tcp6 listener on :: also accepts IPv4
                seen.add(new Observation.Listen(containerId, Instant.EPOCH, socket.protocol(), socket.localAddress(),
                        socket.localPort()));
            }
        }
        for (SocketEntry socket : sockets) {
            boolean inbound = socket.isTcp() && listeningPorts.contains(Integer.toString(socket.localPort()));
            if (socket.isConnected() && !inbound) {
                seen.add(new Observation.Connect(containerId, Instant.EPOCH, socket.protocol(), socket.remoteAddress(),
                        socket.remotePort()));
            }
        }
        return seen;
    }

    private static Observation stamped(Observation observation) {
        Instant now = Instant.now();
        return observation.match(exec -> exec,
                l -> new Observation.Listen(l.containerId(), now, l.protocol(), l.address(), l.port()),
                c -> new Observation.Connect(c.containerId(), now, c.protocol(), c.address(), c.port()),
                file -> file, sample -> sample, config -> config);
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
        if (tcpListeners != null) {
            tcpListeners.close();
        }
    }
}
