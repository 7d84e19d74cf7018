package dev.bulwark.agent.bench;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.testing.Containers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Exec → action latency of the agent, for the process-connector path and the /proc polling path. Not a test: run
 * {@code testing/bench/agent.sh [TRIALS]}.
 *
 * <p>Each trial starts {@code env sh -c 'sleep 0.3; true'} in a container through the Docker API: Docker reports
 * the exec as {@code env} (allowed), so only the process sensor sees the shell that {@code env} then executes.
 * The policy denies shells and its ladder holds only {@code alert}, so the action is the alert the agent records;
 * latency runs from just before the exec is started to that record, and so includes Docker starting the exec.
 */
public final class AgentLatencyBenchmark {

    private AgentLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path work = Files.createTempDirectory("bulwark-agent-bench-");
        Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: bench}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/sh']}", "  responses: [alert]", ""));
        for (String sensor : List.of("connector", "poll")) {
            Files.writeString(work.resolve(sensor + ".yaml"), "policy: policy.yaml\nstateDir: state-" + sensor
                    + "\nmetricsPort: 0\nprocessSensor: " + sensor + "\npollInterval: 100ms\n");
            latency(AgentConfig.load(work.resolve(sensor + ".yaml")), trials);
        }
        Containers.exec(List.of("rm", "-rf", work.toString()));
    }

    private static void latency(AgentConfig config, int trials) throws Exception {
        BlockingQueue<Long> alerts = new LinkedBlockingQueue<>();
        String container = "bulwark-bench-" + System.nanoTime();
        Containers.exec(List.of("docker", "run", "-d", "--name", container, "--network", "none", "bulwark-test/busybox", "sleep", "3600"));
        List<Long> millis = new ArrayList<>();
        int missed = 0;
        try (AgentDaemon agent = AgentDaemon.start(config, Clock.systemUTC(), entry -> offer(alerts, entry));
             DockerEngine engine = DockerEngine.fromEnvironment()) {
            DockerClient docker = engine.client();
            Thread.sleep(1000);
            for (int i = 0; i < trials; i++) {
                String exec = docker.execCreateCmd(container).withCmd("env", "sh", "-c", "sleep 0.3; true").exec().getId();
                alerts.clear();
                long start = System.nanoTime();
                docker.execStartCmd(exec).withDetach(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>()).awaitCompletion();
                Long alerted = alerts.poll(3, TimeUnit.SECONDS);
                if (alerted == null) {
                    missed++;
                } else {
                    millis.add((alerted - start) / 1_000_000);
                }
                Thread.sleep(400);
            }
            System.out.printf("%-15s exec -> action: p50 %4d ms, p99 %4d ms over %d trials (%d missed)%n", agent.processSensor(),
                    percentile(millis, 50), percentile(millis, 99), millis.size(), missed);
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", container));
        }
    }

    private static void offer(BlockingQueue<Long> alerts, AuditEntry entry) {
        if (entry.observationJson().contains("proc-")) {
            alerts.offer(System.nanoTime());
        }
    }

    /** The percentile of the values, -1 when there are none. */
    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
