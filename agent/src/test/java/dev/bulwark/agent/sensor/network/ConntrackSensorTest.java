package dev.bulwark.agent.sensor.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.Await;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.TestContainer;
import dev.bulwark.policy.runtime.Observation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConntrackSensorTest {

    private static final String BUSYBOX = "bulwark-test/busybox:latest";

    @BeforeAll
    static void theHostTracksBridgedConnections() {
        assertThat(new ConntrackSensor(Map::of).unusableBecause()).as("CI's dockerd runs with iptables and br_netfilter").isEmpty();
    }

    @Test
    void aConnectionThatLastsMillisecondsIsReportedForTheContainerThatOpenedItAndNotForItsPeer() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        Map<String, Long> running = new ConcurrentHashMap<>();
        try (TestContainer server = TestContainer.run(BUSYBOX, "sh", "-c", "while true; do nc -l -p 8080 < /dev/null; done");
             TestContainer client = TestContainer.run(BUSYBOX, "sleep", "120");
             ConntrackSensor sensor = new ConntrackSensor(() -> new HashMap<>(running))) {
            running.putAll(server.asRunning());
            running.putAll(client.asRunning());
            sensor.start(seen::add, gaps::add);

            long started = System.nanoTime();
            client.exec("sh", "-c", "echo stolen | nc -w 1 " + server.ipAddress() + " 8080; true");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Await.until(Duration.ofSeconds(5), () -> seen.stream().anyMatch(o -> o instanceof Observation.Connect),
                    () -> "seen " + seen + ", gaps " + gaps);
            assertThat(took).as("the connection was over before a poll would have come").isLessThan(Duration.ofSeconds(1));
            assertThat(seen).filteredOn(o -> o.containerId().equals(client.id())).singleElement()
                    .isInstanceOfSatisfying(Observation.Connect.class, c -> {
                        assertThat(c.address()).isEqualTo(server.ipAddress());
                        assertThat(c.port()).isEqualTo(8080);
                        assertThat(c.protocol().isTcp()).isTrue();
                    });
            assertThat(seen).as("the server's side is inbound").noneMatch(o -> o.containerId().equals(server.id()));
            assertThat(gaps).isEmpty();
        }
    }

    @Test
    void anOutboundConnectionFromAPortTheContainerListensOnIsStillOutbound() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        Map<String, Long> running = new ConcurrentHashMap<>();
        try (TestContainer peer = TestContainer.run(BUSYBOX, "sh", "-c", "while true; do nc -l -p 4444 < /dev/null; done");
             TestContainer service = TestContainer.run(BUSYBOX, "sh", "-c", "sleep 600 | nc -l -p 8080");
             ConntrackSensor sensor = new ConntrackSensor(() -> new HashMap<>(running))) {
            running.putAll(peer.asRunning());
            running.putAll(service.asRunning());
            sensor.start(seen::add, gap -> { });

            service.exec("sh", "-c", "echo callback | nc -w 1 -p 8080 " + peer.ipAddress() + " 4444; true");

            Await.until(Duration.ofSeconds(5), () -> seen.stream().anyMatch(o -> o.containerId().equals(service.id())),
                    () -> "seen " + seen);
            assertThat(seen).filteredOn(o -> o.containerId().equals(service.id())).singleElement()
                    .isInstanceOfSatisfying(Observation.Connect.class, c -> assertThat(c.port()).isEqualTo(4444));
        }
    }

    @Test
    void aUdpDatagramCountsAsAConnectionAndRepeatsWithinASecondAreReportedOnce() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        Map<String, Long> running = new ConcurrentHashMap<>();
        try (TestContainer client = TestContainer.run(BUSYBOX, "sleep", "120");
             TestContainer sink = TestContainer.run(BUSYBOX, "sleep", "120");
             ConntrackSensor sensor = new ConntrackSensor(() -> new HashMap<>(running))) {
            running.putAll(client.asRunning());
            running.putAll(sink.asRunning());
            sensor.start(seen::add, gap -> { });

            client.exec("sh", "-c", "for i in 1 2 3; do timeout 1 nslookup bulwark.test " + sink.ipAddress()
                    + " > /dev/null 2>&1 & done; wait; true"); // three sockets, each a new UDP flow to port 53

            Await.until(Duration.ofSeconds(5), () -> !seen.isEmpty(), () -> "nothing seen");
            Thread.sleep(300);
            assertThat(seen).singleElement().isInstanceOfSatisfying(Observation.Connect.class, c -> {
                assertThat(c.containerId()).isEqualTo(client.id());
                assertThat(c.protocol().isTcp()).isFalse();
                assertThat(c.port()).isEqualTo(53);
            });
        }
    }
}
