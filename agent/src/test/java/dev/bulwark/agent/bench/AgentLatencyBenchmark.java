package dev.bulwark.agent.bench;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.testing.Containers;
import java.lang.management.ManagementFactory;
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
 * Exec → action latency of the agent, for the process-connector path and the /proc polling path, and its CPU
 * with 20 idle containers. Not a test: run {@code testing/bench/agent.sh [TRIALS]}.
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
        idleCpu(AgentConfig.load(work.resolve("connector.yaml")));
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

    private static void idleCpu(AgentConfig config) throws Exception {
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "bulwark-bench-idle-" + i + "-" + System.nanoTime();
            Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "3600"));
            idle.add(name);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long engine = Long.parseLong(Files.readString(Path.of("/var/run/docker.pid")).strip());
        Thread.sleep(5000);
        double engineAlone = engineCpu(engine, 30_000);
        try (AgentDaemon agent = AgentDaemon.start(config, Clock.systemUTC())) {
            Thread.sleep(5000);
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            double engineWatched = engineCpu(engine, 30_000);
            double cores = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
            System.out.printf("agent CPU with 20 idle containers (%s): %.1f %% of one core over 30 s%n", agent.processSensor(), cores * 100);
            System.out.printf("engine (dockerd) CPU with 20 idle containers: %.1f %% of one core with the agent, %.1f %% without%n",
                    engineWatched * 100, engineAlone * 100);
        } finally {
            List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
            remove.addAll(idle);
            Containers.exec(remove);
        }
    }

    /** The share of one core a process used over the next {@code millis} (utime + stime of /proc/PID/stat, at 100 Hz). */
    private static double engineCpu(long pid, long millis) throws Exception {
        long before = ticks(pid);
        long wallBefore = System.nanoTime();
        Thread.sleep(millis);
        return (ticks(pid) - before) / 100.0 / ((System.nanoTime() - wallBefore) / 1e9);
    }

    private static long ticks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
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
