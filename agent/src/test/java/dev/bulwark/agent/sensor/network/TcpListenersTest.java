package dev.bulwark.agent.sensor.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TcpListenersTest {

    private static final String BUSYBOX = "bulwark-test/busybox:latest";
    private static final Path PROC = Path.of("/proc");

    @Test
    void theKernelsListenersOfAContainerAreTheOnesItsTcpTablesShow() throws Exception {
        try (TestContainer container = TestContainer.runWith(List.of("--network", "none"), BUSYBOX, "sh", "-c",
                "nc -l -p 8080 & httpd -f -p 127.0.0.1:9090 & sleep 600");
             TcpListeners listeners = new TcpListeners(PROC)) {
            Await.until(Duration.ofSeconds(10), () -> tables(container.mainPid()).size() == 2,
                    () -> "listeners in the tables: " + tables(container.mainPid()));

            List<SocketEntry> asked = listeners.of(container.id(), container.mainPid());

            assertThat(asked).containsExactlyInAnyOrderElementsOf(tables(container.mainPid()));
            assertThat(asked).extracting(SocketEntry::localPort).containsExactlyInAnyOrder(8080, 9090);
            assertThat(asked).filteredOn(s -> s.localPort() == 9090).singleElement()
                    .satisfies(s -> assertThat(s.localAddress()).isEqualTo("127.0.0.1"));
        }
    }

    @Test
    void aListenerOfTheHostIsNotAContainers() throws Exception {
        try (TestContainer container = TestContainer.runWith(List.of("--network", "none"), BUSYBOX, "sleep", "600");
             TcpListeners listeners = new TcpListeners(PROC);
             java.net.ServerSocket host = new java.net.ServerSocket(0)) {
            assertThat(listeners.of(container.id(), container.mainPid()))
                    .noneMatch(s -> s.localPort() == host.getLocalPort()).isEmpty();
        }
    }

    @Test
    void aContainerThatStoppedIsGoneAndItsNamespaceSocketIsClosed() throws Exception {
        TcpListeners listeners = new TcpListeners(PROC);
        long socketsBefore = openSockets();
        TestContainer container = TestContainer.runWith(List.of("--network", "none"), BUSYBOX, "sleep", "600");
        long pid = container.mainPid();
        listeners.of(container.id(), pid);
        assertThat(openSockets()).isEqualTo(socketsBefore + 1);
        container.close();

        listeners.retain(Set.of());

        assertThat(openSockets()).isEqualTo(socketsBefore);
        assertThatThrownBy(() -> listeners.of(container.id(), pid)).isInstanceOf(NoSuchFileException.class);
        listeners.close();
    }

    @Test
    void aBindShellStartedLaterIsReportedWhenOnlyListenersArePolled() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        Map<String, Long> running = new ConcurrentHashMap<>();
        try (TestContainer container = TestContainer.run(BUSYBOX, "sleep", "600");
             NetworkSensor sensor = new NetworkSensor(() -> new HashMap<>(running), Duration.ofMillis(200), PROC, false)) {
            running.putAll(container.asRunning());
            sensor.start(seen::add, gaps::add);
            Thread.sleep(500);
            assertThat(seen).isEmpty();

            container.execDetached("sh", "-c", "nc -l -p 4445 -e /bin/sh");

            Await.until(Duration.ofSeconds(10), () -> !seen.isEmpty(), () -> "seen " + seen + ", gaps " + gaps);
            assertThat(seen).singleElement().isInstanceOfSatisfying(Observation.Listen.class, l -> {
                assertThat(l.port()).isEqualTo(4445);
                assertThat(l.protocol().isTcp()).isTrue();
            });
            assertThat(gaps).isEmpty();
        }
    }

    /** The listeners of the container's /proc TCP tables, the independent reference. */
    private static List<SocketEntry> tables(long pid) {
        List<SocketEntry> listening = new ArrayList<>();
        for (Protocol protocol : List.of(Protocol.TCP, Protocol.TCP6)) {
            Path table = PROC.resolve(pid + "/net/" + protocol.word());
            try {
                ProcNetParser.parse(protocol, Files.readString(table)).stream().filter(SocketEntry::isListening).forEach(listening::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return listening;
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closed) {
                    return false;
                }
            }).count();
        }
    }
}
