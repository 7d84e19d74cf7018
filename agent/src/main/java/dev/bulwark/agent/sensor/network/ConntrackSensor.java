package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.netlink.NetlinkSocket;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sees every new connection of a bridged container as the kernel tracks it: netfilter's connection tracking events
 * (netlink, in the host's network namespace), which every packet a container sends through its bridge passes. A
 * connection is the container's outbound one when its first packet came from the container's address — the kernel's
 * own record of direction, however short the connection and whatever ports it uses; connections to a container are
 * its inbound ones and are not reported. The same peer is reported again at most once per {@link #REPEAT}.
 * Connections inside a container's own namespace (loopback) and containers on the host's network are not seen here.
 */
public final class ConntrackSensor implements Sensor {

    public static final String NAME = "conntrack";
    /** How soon the same connection (container, protocol, peer, port) is reported again. */
    static final Duration REPEAT = Duration.ofSeconds(1);
    /** How long a connection from an address no container is known to have waits for the container to be known. */
    static final Duration PENDING = Duration.ofSeconds(3);
    private static final Duration REREAD = Duration.ofSeconds(10);
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5000;
    /** How soon a connection not yet attributed (a container just starting) is looked at again. */
    private static final int RETRY_MILLIS = 100;
    private static final int DATAGRAM_BYTES = 65_536;
    private static final int REMEMBERED = 16_384;
    private static final int MAX_PENDING = 4096;

    /** A connection whose source no container had when it arrived. */
    private record Pending(ConntrackMessages.NewConnection connection, Instant at) {
    }

    private final Supplier<Map<String, Long>> containers;
    private final Path proc;
    private final ContainerAddresses addresses;
    private final Map<String, Instant> lastReported = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Set<String> host = Set.of();
    private volatile boolean closed;
    private Thread reader;
    private NetlinkSocket socket; // woken on close
    private Instant lastReread = Instant.EPOCH;

    /** @param containers the running containers: full container ID → main process ID (host namespace) */
    public ConntrackSensor(Supplier<Map<String, Long>> containers) {
        this(containers, Path.of("/proc"));
    }

    ConntrackSensor(Supplier<Map<String, Long>> containers, Path proc) {
        this.containers = Objects.requireNonNull(containers, "containers");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.addresses = new ContainerAddresses(proc);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Why connection tracking cannot see every bridged container's connections on this host, if it cannot: no
     * connection tracking in the host's namespace (dockerd runs without iptables), or bridged traffic that bypasses
     * netfilter ({@code net.bridge.bridge-nf-call-iptables} is 0, so containers on one bridge talk unseen).
     */
    public Optional<String> unusableBecause() {
        Path sys = proc.resolve("sys/net");
        if (!Files.exists(sys.resolve("netfilter/nf_conntrack_max"))) {
            return Optional.of("connection tracking is not active in the host's network namespace (dockerd without iptables?)");
        }
        try {
            Path bridged = sys.resolve("bridge/bridge-nf-call-iptables");
            if (!Files.exists(bridged) || !Files.readString(bridged).strip().equals("1")) {
                return Optional.of("net.bridge.bridge-nf-call-iptables is not 1, so traffic between containers on one bridge"
                        + " bypasses connection tracking (modprobe br_netfilter; sysctl net.bridge.bridge-nf-call-iptables=1)");
            }
            Path events = sys.resolve("netfilter/nf_conntrack_events");
            if (Files.exists(events) && Files.readString(events).strip().equals("0")) {
                return Optional.of("net.netfilter.nf_conntrack_events is 0, so the kernel sends no connection events"
                        + " (sysctl net.netfilter.nf_conntrack_events=1)");
            }
        } catch (IOException e) {
            return Optional.of("the netfilter settings could not be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Subscribes to new connections; throws {@link IllegalStateException} saying why when this host's kernel cannot
     * give them (see {@link #unusableBecause}, and CAP_NET_ADMIN in the host's network namespace).
     */
    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (reader != null || closed) {
            throw new IllegalStateException(NAME + " sensor already started or closed: create a new one");
        }
        Optional<String> unusable = unusableBecause();
        if (unusable.isPresent()) {
            throw new IllegalStateException(unusable.get());
        }
        NetlinkSocket socket;
        try {
            socket = NetlinkSocket.open(NetlinkSocket.Family.NETFILTER, ConntrackMessages.NEW_CONNECTIONS_GROUP, new byte[0],
                    RECEIVE_BUFFER_BYTES, RECEIVE_TIMEOUT_MILLIS);
        } catch (NetlinkSocket.OpenFailed e) {
            throw new IllegalStateException("cannot subscribe to connection tracking events: " + e.getMessage()
                    + "; the agent needs CAP_NET_ADMIN in the host's network namespace (root, --network=host)", e);
        }
        addresses.update(containers.get(), true);
        host = addresses.addressesOf(ProcessHandle.current().pid());
        this.socket = socket;
        reader = new Thread(() -> read(socket, observations, gaps), "bulwark-" + NAME);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(NetlinkSocket socket, Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        byte[] datagram = new byte[DATAGRAM_BYTES];
        try (socket) {
            while (!closed) {
                int wait = pending.isEmpty() ? RECEIVE_TIMEOUT_MILLIS : RETRY_MILLIS;
                Optional<String> lost = socket.receive(datagram, wait).match(message -> {
                    Instant at = Instant.now();
                    for (ConntrackMessages.NewConnection connection : ConntrackMessages.newConnections(datagram, message.length())) {
                        judgeable(connection, at, observations);
                    }
                    return Optional.empty();
                }, timedOut -> Optional.empty(),
                        overrun -> Optional.of("the kernel dropped connection events: its socket buffer overflowed"));
                lost.ifPresent(why -> gaps.accept(new SensorGap(NAME, Instant.now(), why)));
                retryPending(observations);
            }
        } catch (RuntimeException e) {
            gaps.accept(new SensorGap(NAME, Instant.now(), "connection events stopped: " + e.getMessage()));
        }
    }

    private void judgeable(ConntrackMessages.NewConnection connection, Instant at, Consumer<Observation> observations) {
        addresses.update(containers.get(), false);
        if (!report(connection, at, observations) && !host.contains(connection.original().source())
                && !connection.original().source().startsWith("127.") && addresses.owner(connection.original().destination()) == null
                && addresses.owner(connection.reply().source()) == null) {
            if (pending.size() >= MAX_PENDING) {
                pending.removeFirst();
            }
            pending.addLast(new Pending(connection, at)); // perhaps from a container that just started
        }
    }

    /** Reports the connection if a container opened it; whether one did. */
    private boolean report(ConntrackMessages.NewConnection connection, Instant at, Consumer<Observation> observations) {
        String container = addresses.owner(connection.original().source());
        if (container == null) {
            return false;
        }
        ConntrackMessages.Tuple tuple = connection.original();
        String key = container + " " + connection.protocol() + " " + tuple.destination() + " " + tuple.destinationPort();
        Instant before = lastReported.get(key);
        if (before == null || !before.plus(REPEAT).isAfter(at)) {
            lastReported.put(key, at);
            observations.accept(new Observation.Connect(container, at, connection.protocol(), tuple.destination(),
                    tuple.destinationPort()));
        }
        return true;
    }

    private void retryPending(Consumer<Observation> observations) {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        boolean reread = lastReread.plus(REREAD).isBefore(now);
        addresses.update(containers.get(), reread);
        if (reread) {
            lastReread = now;
            host = addresses.addressesOf(ProcessHandle.current().pid());
        }
        for (int i = pending.size(); i > 0; i--) {
            Pending waiting = pending.removeFirst();
            if (!report(waiting.connection(), waiting.at(), observations) && waiting.at().plus(PENDING).isAfter(now)) {
                pending.addLast(waiting);
            }
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = reader;
            if (socket != null) {
                socket.wake();
            }
        }
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
