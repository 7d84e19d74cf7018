package dev.bulwark.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.policy.runtime.RuntimeRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesCountersAndGaugesInThePrometheusTextFormat() throws Exception {
        AgentMetrics metrics = new AgentMetrics();
        try (MetricsServer server = loopback(metrics)) {
            for (int i = 0; i < 12; i++) {
                metrics.eventReceived();
                metrics.observation("proc-connector");
            }
            metrics.observation("docker-exec");
            metrics.decision(Decision.ALLOW);
            metrics.decision(new Decision.Block(RuntimeRule.DENIED_EXECUTABLES, "/bin/sh ran"));
            metrics.action(Response.KILL);
            metrics.sensorLag("proc-connector", 250);
            metrics.gap("proc-connector", 7);

            HttpResponse<String> response = get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            Map<String, Double> samples = samples(response.body());
            assertThat(samples).containsEntry("bulwark_agent_events_received_total", 12.0)
                    .containsEntry("bulwark_agent_observations_total{sensor=\"proc-connector\"}", 12.0)
                    .containsEntry("bulwark_agent_observations_total{sensor=\"docker-exec\"}", 1.0)
                    .containsEntry("bulwark_agent_decisions_total{kind=\"block\"}", 1.0)
                    .containsEntry("bulwark_agent_decisions_total{kind=\"alert\"}", 0.0)
                    .containsEntry("bulwark_agent_actions_total{response=\"kill\"}", 1.0)
                    .containsEntry("bulwark_agent_actions_total{response=\"quarantine\"}", 0.0)
                    .containsEntry("bulwark_agent_sensor_lag_seconds{sensor=\"proc-connector\"}", 0.25)
                    .containsEntry("bulwark_agent_sensor_gaps_total{sensor=\"proc-connector\"}", 1.0)
                    .containsEntry("bulwark_agent_events_lost_total{sensor=\"proc-connector\"}", 7.0);
            assertThat(response.body()).contains("# TYPE bulwark_agent_observations_total counter\n",
                    "# TYPE bulwark_agent_sensor_lag_seconds gauge\n", "# HELP bulwark_agent_events_received_total ");
        }
    }

    @Test
    void servesLatencyHistogramsBuildInfoAndTheJvmsOwnMetrics() throws Exception {
        AgentMetrics metrics = new AgentMetrics();
        try (MetricsServer server = loopback(metrics)) {
            metrics.decided("exec", 0.004);
            metrics.decided("exec", 0.3);
            metrics.decided("connect", 0.02);
            metrics.guardAnswer("allow", 80_000);

            Map<String, Double> samples = samples(get(server, "/metrics").body());

            assertThat(samples).containsEntry("bulwark_agent_decision_latency_seconds_bucket{observation=\"exec\",le=\"0.005\"}", 1.0)
                    .containsEntry("bulwark_agent_decision_latency_seconds_bucket{observation=\"exec\",le=\"0.5\"}", 2.0)
                    .containsEntry("bulwark_agent_decision_latency_seconds_count{observation=\"exec\"}", 2.0)
                    .containsEntry("bulwark_agent_decision_latency_seconds_count{observation=\"connect\"}", 1.0)
                    .containsEntry("bulwark_agent_guard_answer_seconds_bucket{le=\"1.0E-4\"}", 1.0)
                    .containsEntry("bulwark_agent_guard_answers_total{answer=\"allow\"}", 1.0)
                    .containsEntry("bulwark_build_info{version=\"dev\"}", 1.0);
            assertThat(samples.keySet()).anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"))
                    .anyMatch(name -> name.startsWith("process_cpu_seconds_total"))
                    .anyMatch(name -> name.startsWith("jvm_threads_current"));
        }
    }

    @Test
    void answersHealthWithWhatIsWrong() throws Exception {
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MetricsServer server = MetricsServer.start(new AgentMetrics(), java.net.InetAddress.getLoopbackAddress(), 0,
                () -> List.copyOf(problems))) {
            HttpResponse<String> well = get(server, "/health");
            problems.add("the agent is not connected to the Docker engine's events; it reconnects by itself");
            HttpResponse<String> ill = get(server, "/health");

            assertThat(well.statusCode()).isEqualTo(200);
            assertThat(well.body()).isEqualTo("{\"status\":\"ok\"}\n");
            assertThat(ill.statusCode()).isEqualTo(503);
            assertThat(ill.body()).contains("\"status\":\"unhealthy\"", "not connected to the Docker engine");
        }
    }

    @Test
    void listensOnTheAddressItIsGiven() throws Exception {
        try (MetricsServer server = MetricsServer.start(new AgentMetrics(), java.net.InetAddress.getByName("0.0.0.0"), 0, List::of)) {
            assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        try (MetricsServer server = loopback(new AgentMetrics())) {
            assertThat(server.port()).isPositive();
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void answersNotFoundOutsideTheMetricsPath() throws Exception {
        try (MetricsServer server = loopback(new AgentMetrics())) {
            HttpResponse<String> response = get(server, "/admin");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("/metrics");
        }
    }

    @Test
    void escapesQuotesInLabelValues() {
        AgentMetrics metrics = new AgentMetrics();
        metrics.observation("odd\"name");

        assertThat(metrics.toPrometheusText()).contains("bulwark_agent_observations_total{sensor=\"odd\\\"name\"} 1.0\n");
    }

    private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sample lines ("name{labels} value") by name and labels; comment lines are checked to be HELP or TYPE. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : List.of(body.split("\n"))) {
            if (line.startsWith("#")) {
                assertThat(line).matches("# (HELP|TYPE) [a-z_]+ .+");
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static MetricsServer loopback(AgentMetrics metrics) {
        return MetricsServer.start(metrics, java.net.InetAddress.getLoopbackAddress(), 0, List::of);
    }
}
