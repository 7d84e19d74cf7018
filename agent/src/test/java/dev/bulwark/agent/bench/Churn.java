package dev.bulwark.agent.bench;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.testing.Containers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Containers started and removed under a running agent (production configuration: process connector, conntrack,
 * fanotify, cgroup samples and the exec guard, every container in protect mode on a bridge network, so each gets a
 * network namespace the agent opens a socket in, fanotify groups and guard plans): what the agent holds before and
 * after, threads, file descriptors and heap, so that what a container leaves behind shows.
 */
public final class Churn {

    /** What this process holds at one moment. */
    public record Held(int threads, long descriptors, long heapBytes, Map<String, Integer> threadNames) {
        @Override
        public String toString() {
            return threads + " threads, " + descriptors + " file descriptors, " + heapBytes / 1_048_576 + " MiB of heap in use";
        }

        /** The kinds of thread (names without their numbers) there are more of in {@code later}, and how many more. */
        public Map<String, Integer> threadsAddedIn(Held later) {
            Map<String, Integer> added = new TreeMap<>();
            later.threadNames.forEach((name, count) -> {
                int more = count - threadNames.getOrDefault(name, 0);
                if (more > 0) {
                    added.put(name, more);
                }
            });
            return added;
        }
    }

    /** The agent's holdings after warming up and after the cycles, and how long the cycles took. */
    public record Result(Held before, Held after, int cycles, long millis) {
    }

    private Churn() {
    }

    /** Runs {@code warmUp} cycles, measures, runs {@code cycles} more, waits for the agent to let go, measures. */
    public static Result run(int warmUp, int cycles) throws Exception {
        Path work = Files.createTempDirectory("bulwark-churn-");
        Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: churn}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/nc']}", "  responses: [alert]", ""));
        Files.writeString(work.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(work.resolve("agent.yaml")), Clock.systemUTC())) {
            cycles(warmUp);
            Held before = settled();
            long started = System.nanoTime();
            cycles(cycles);
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(before, settled(), cycles, millis);
        } finally {
            Containers.exec(List.of("rm", "-rf", work.toString()));
        }
    }

    /** Each cycle: a container started on the bridge, one exec in it once the agent can have seen it, removed. */
    private static void cycles(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            String name = "bulwark-churn-" + ProcessHandle.current().pid() + "-" + i;
            Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "bridge", "bulwark-test/busybox",
                    "sleep", "600"));
            Thread.sleep(300);
            Containers.exec(List.of("docker", "exec", name, "true"));
            Containers.exec(List.of("docker", "rm", "-f", name));
        }
    }

    /** What is held once the agent's polls have noticed the last removal and idle pool threads have ended. */
    private static Held settled() throws InterruptedException, IOException {
        Thread.sleep(65_000); // pool threads idle for a minute end; every poll has run several times
        System.gc();
        Thread.sleep(1_000);
        System.gc();
        long descriptors;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            descriptors = open.count();
        }
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Integer> names = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum));
        return new Held(ManagementFactory.getThreadMXBean().getThreadCount(), descriptors, memory.getUsed(), names);
    }
}
