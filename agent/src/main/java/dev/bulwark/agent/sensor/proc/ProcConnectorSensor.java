package dev.bulwark.agent.sensor.proc;

import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.netlink.NetlinkSocket;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sees every exec on the host as it happens, through the kernel's process events connector (netlink), and reports
 * those in containers; every fork is kept in {@link ForkRecords}, so a process's lineage is known after its parent
 * exited. Needs root in the host's namespaces; when {@link #start} throws
 * {@link ProcConnectorUnavailableException}, use {@link ProcPollSensor} instead.
 */
public final class ProcConnectorSensor implements Sensor {

    public static final String NAME = ExecSource.PROC_CONNECTOR.word();
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5000;
    /** Far larger than any connector datagram (one event, under 100 bytes). */
    private static final int DATAGRAM_BYTES = 8192;

    private final ContainerProcesses processes;
    private final ForkRecords forks;
    private volatile boolean closed;
    private Thread reader;
    private NetlinkSocket socket; // woken on close

    /**
     * @param excludedContainers full IDs of containers not to report, such as the agent's own
     * @param forks              where every fork on the host is recorded
     */
    public ProcConnectorSensor(ProcReader proc, Set<String> excludedContainers, ForkRecords forks) {
        this.processes = new ContainerProcesses(proc, excludedContainers);
        this.forks = forks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (reader != null || closed) {
            throw new IllegalStateException(NAME + " sensor already started or closed: create a new one");
        }
        NetlinkSocket socket = open();
        this.socket = socket;
        reader = new Thread(() -> read(socket, observations, gaps), "bulwark-" + NAME);
        reader.setDaemon(true);
        reader.start();
    }

    private static NetlinkSocket open() {
        try {
            return NetlinkSocket.open(NetlinkSocket.Family.CONNECTOR, ProcConnectorMessages.CN_IDX_PROC,
                    ProcConnectorMessages.listenRequest(), RECEIVE_BUFFER_BYTES, RECEIVE_TIMEOUT_MILLIS);
        } catch (NetlinkSocket.OpenFailed e) {
            throw new ProcConnectorUnavailableException("cannot subscribe to the kernel's process events: " + e.getMessage()
                    + ". The kernel needs CONFIG_PROC_EVENTS, and the agent CAP_NET_ADMIN in the host's network, user and PID"
                    + " namespaces (run it as root with --pid=host --network=host); falling back to the proc-poll sensor", e);
        }
    }

    private void read(NetlinkSocket socket, Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        byte[] datagram = new byte[DATAGRAM_BYTES];
        try (socket) {
            while (!closed) {
                Optional<String> lost = socket.receive(datagram).match(message -> {
                    for (var fork : ProcConnectorMessages.forkEvents(datagram, message.length())) {
                        forks.forked(fork.childTgid(), fork.parentTgid());
                    }
                    for (var exec : ProcConnectorMessages.execEvents(datagram, message.length())) {
                        report(exec, observations, gaps);
                    }
                    return Optional.empty();
                }, timedOut -> Optional.empty(), // loop round to notice close()
                        overrun -> Optional.of("kernel dropped process events: its socket buffer overflowed"));
                lost.ifPresent(why -> gaps.accept(new SensorGap(NAME, Instant.now(), why)));
            }
        } catch (RuntimeException e) {
            gaps.accept(new SensorGap(NAME, Instant.now(), "process events stopped: " + e.getMessage()));
        }
    }

    private void report(ProcConnectorMessages.ExecEvent exec, Consumer<Observation> observations,
                        Consumer<SensorGap> gaps) {
        try {
            processes.describe(exec.tgid(), instantOf(exec.timestampNanos()), ExecSource.PROC_CONNECTOR, gaps).ifPresent(observations);
        } catch (UncheckedIOException e) {
            // One exec not read softens nothing: an attacker could otherwise keep every container softened with them.
            gaps.accept(new SensorGap(NAME, Instant.now(), "exec of process " + exec.tgid() + " not reported: "
                    + e.getMessage(), "", false));
        }
    }

    /**
     * The kernel stamps events with CLOCK_MONOTONIC (ktime_get_ns), the clock behind System.nanoTime on Linux, so
     * the age of an event is their difference; anything implausible falls back to the time of receipt.
     */
    static Instant instantOf(long kernelNanos) {
        long age = System.nanoTime() - kernelNanos;
        Instant now = Instant.now();
        return age >= 0 && age < Duration.ofMinutes(1).toNanos() ? now.minusNanos(age) : now;
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
