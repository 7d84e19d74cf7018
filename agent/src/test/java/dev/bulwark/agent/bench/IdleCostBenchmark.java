package dev.bulwark.agent.bench;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.testing.Containers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What watching nothing happen costs: the agent's CPU (this whole process, which does nothing else) and the engine's
 * with 20 idle containers, the engine's also without the agent. The agent runs the production configuration: process
 * connector, conntrack, fanotify, cgroup samples, and the exec guard with the containers in protect mode. Run in a
 * JVM of its own ({@code testing/bench/agent.sh}), not under Maven, so that only the agent is measured. The agent's
 * first minute is printed apart: the JIT compiler's work then is a start-up cost, not what watching costs.
 * Argument: the seconds to measure (default 60).
 */
public final class IdleCostBenchmark {

    private IdleCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        Path work = Files.createTempDirectory("bulwark-idle-bench-");
        Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: bench}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/nc']}", "  responses: [alert]", ""));
        Files.writeString(work.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        List<String> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String name = "bulwark-bench-idle-" + i + "-" + System.nanoTime();
                Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "3600"));
                idle.add(name);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long engine = Long.parseLong(Files.readString(Path.of("/var/run/docker.pid")).strip());
            Thread.sleep(5000);
            double engineAlone = engineCpu(engine, seconds * 1000);
            try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(work.resolve("agent.yaml")), Clock.systemUTC())) {
                Thread.sleep(10_000); // start-up and the first samples, learning and guarding every container
                double firstMinute = agentCpu(os, 60_000); // the JIT compiler still compiles the agent's code
                long cpuBefore = os.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                double engineWatched = engineCpu(engine, seconds * 1000);
                double cores = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
                System.out.printf("agent CPU with 20 idle containers (%s): %.1f %% of one core over %d s after its first"
                        + " minute (%.1f %% in that minute, while the JIT compiler compiles it)%n", agent.processSensor(),
                        cores * 100, seconds, firstMinute * 100);
                System.out.printf("engine (dockerd) CPU with 20 idle containers: %.1f %% of one core with the agent, %.1f %% without%n",
                        engineWatched * 100, engineAlone * 100);
            }
        } finally {
            List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
            remove.addAll(idle);
            Containers.exec(remove);
            Containers.exec(List.of("rm", "-rf", work.toString()));
        }
    }

    /** The share of one core this process used over the next {@code millis}. */
    private static double agentCpu(com.sun.management.OperatingSystemMXBean os, long millis) throws InterruptedException {
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        Thread.sleep(millis);
        return (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
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
}
