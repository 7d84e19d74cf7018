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
import org.junit.jupiter.api.Test;

class NetworkSensorTest {

    private static final String BUSYBOX = "bulwark-test/busybox:latest";

    @Test
    void reportsTheServersListenerAndTheClientsConnectionOverTheBridgeOnce() throws Exception {
        List<Observation> seen = new CopyOnWriteArrayList<>();
        List<SensorGap> gaps = new CopyOnWriteArrayList<>();
        Map<String, Long> running = new ConcurrentHashMap<>();
        try (TestContainer server = TestContainer.run(BUSYBOX, "sh", "-c", "sleep 600 | nc -l -p 8080");
             TestContainer client = TestContainer.run(BUSYBOX, "sleep", "120");
             NetworkSensor sensor = new NetworkSensor(() -> new HashMap<>(running), Duration.ofMillis(200))) {
            running.putAll(server.asRunning());
            running.putAll(client.asRunning());
            sensor.start(seen::add, gaps::add);

            client.execDetached("sh", "-c", "sleep 600 | nc " + server.ipAddress() + " 8080");

            Await.until(Duration.ofSeconds(15), () -> seen.stream().anyMatch(o -> o instanceof Observation.Connect),
                    () -> "seen " + seen + ", gaps " + gaps);
            Thread.sleep(600); // a few more polls: the open connection must not be reported again
            assertThat(seen).filteredOn(o -> o.containerId().equals(server.id()))
                    .containsOnly(listenOn8080(server.id(), seen));
            assertThat(seen).filteredOn(o -> o.containerId().equals(client.id()))
                    .singleElement()
                    .isInstanceOfSatisfying(Observation.Connect.class, c -> {
                        assertThat(c.address()).isEqualTo(server.ipAddress());
                        assertThat(c.port()).isEqualTo(8080);
                        assertThat(c.protocol().isTcp()).isTrue();
                    });
            assertThat(gaps).isEmpty();
        }
    }

    private static Observation listenOn8080(String serverId, List<Observation> seen) {
        return seen.stream()
                .filter(o -> o instanceof Observation.Listen l && l.containerId().equals(serverId) && l.port() == 8080)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Listen on 8080 for the server in " + seen));
    }
}
