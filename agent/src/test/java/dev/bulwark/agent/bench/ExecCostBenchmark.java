package dev.bulwark.agent.bench;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.scanner.testing.Containers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What prevention costs. One agent watches two containers of the same image: one protected (its execs wait for the
 * exec guard), one labelled {@code bulwark.mode=monitor} (watched by the same sensors, never guarded). Each times
 * {@code ROUNDS} rounds of spawning and waiting for {@code /usr/bin/true}, by its own clock, the two taking turns so that
 * both see the same load; the difference is what the guard adds per exec (p50/p99). Also: the same with no agent, the
 * guard's own time from the kernel's request to its answer, and the agent's CPU with 20 idle protected containers with
 * the guard on and off. Not a test: run {@code testing/bench/agent.sh}.
 */
public final class ExecCostBenchmark {

    private static final int ROUNDS = 4;
    private static final String TIMER = String.join("\n",
            "import os, sys, time",
            "n = int(sys.argv[1]); warm = 100; times = []",
            "for i in range(n + warm):",
            "    t = time.perf_counter_ns()",
            "    pid = os.posix_spawn('/usr/bin/true', ['true'], {})",
            "    os.waitpid(pid, 0)",
            "    if i >= warm: times.append(time.perf_counter_ns() - t)",
            "print(' '.join(map(str, times)))");

    private ExecCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int execs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path work = Files.createTempDirectory("bulwark-exec-bench-");
        Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: bench}", "stages: [{name: production}]", "runtime:", "  defaultMode: protect",
                "  rules: {deniedExecutables: ['**/bash', '**/nc']}", "  responses: [alert]", ""));
        Files.writeString(work.resolve("guard.yaml"), "policy: policy.yaml\nstateDir: state-guard\nmetricsPort: 0\n");
        Files.writeString(work.resolve("sensors.yaml"), "policy: policy.yaml\nstateDir: state-sensors\nmetricsPort: 0\nprevention: false\n");
        String stamp = Long.toString(System.nanoTime());
        String guardedName = "bulwark-bench-guarded-" + stamp;
        String monitoredName = "bulwark-bench-monitored-" + stamp;
        Containers.exec(List.of("docker", "run", "-d", "--name", guardedName, "--network", "none", "bulwark-test/svc-pyweb"));
        Containers.exec(List.of("docker", "run", "-d", "--name", monitoredName, "--network", "none", "--label",
                "bulwark.mode=monitor", "bulwark-test/svc-pyweb"));
        try {
            int perRound = Math.max(100, execs / ROUNDS);
            time(guardedName, perRound); // warms both containers' caches
            time(monitoredName, perRound);
            long[][] none = alternate(guardedName, monitoredName, perRound);
            long[][] agentOn;
            long[] answers;
            try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(work.resolve("guard.yaml")), Clock.systemUTC())) {
                agent.syncGuard();
                if (agent.guarded().size() != 1) {
                    throw new IllegalStateException("the exec guard guards " + agent.guarded().size() + " containers, not 1");
                }
                alternate(guardedName, monitoredName, perRound / 2); // warms the agent (JIT)
                int warm = agent.metrics().recentGuardAnswerNanos().length;
                agentOn = alternate(guardedName, monitoredName, perRound);
                long[] all = agent.metrics().recentGuardAnswerNanos();
                answers = Arrays.copyOfRange(all, Math.min(warm, all.length), all.length);
            }
            System.out.printf("one exec of /usr/bin/true in a container (%d rounds of %d, the two containers taking turns):%n",
                    ROUNDS, perRound);
            line("no agent, container A", none[0]);
            line("no agent, container B", none[1]);
            line("agent, B monitored (not guarded)", agentOn[1]);
            line("agent, A protected (guarded)", agentOn[0]);
            System.out.printf("  %-34s p50 %8.1f us  p99 %8.1f us%n", "added by the guard (A - B):",
                    (percentile(agentOn[0], 50) - percentile(agentOn[1], 50)) / 1e3,
                    (percentile(agentOn[0], 99) - percentile(agentOn[1], 99)) / 1e3);
            Arrays.sort(answers);
            System.out.printf("  exec -> decision (the guard's answer, two requests per exec: program and loader):"
                    + " p50 %.1f us, p99 %.1f us, max %.1f us over %d requests%n",
                    percentile(answers, 50) / 1e3, percentile(answers, 99) / 1e3,
                    answers.length == 0 ? -1 : answers[answers.length - 1] / 1e3, answers.length);
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", guardedName, monitoredName));
        }
        idleCpu(work);
        Containers.exec(List.of("rm", "-rf", work.toString()));
    }

    /** Rounds of timing in each container in turn; the pooled times of each, sorted. */
    private static long[][] alternate(String a, String b, int perRound) {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (long t : time(a, perRound)) {
                first.add(t);
            }
            for (long t : time(b, perRound)) {
                second.add(t);
            }
        }
        return new long[][] {first.stream().mapToLong(Long::longValue).sorted().toArray(),
                second.stream().mapToLong(Long::longValue).sorted().toArray()};
    }

    private static void line(String what, long[] sorted) {
        System.out.printf("  %-34s p50 %8.1f us  p99 %8.1f us%n", what + ":", percentile(sorted, 50) / 1e3,
                percentile(sorted, 99) / 1e3);
    }

    private static long[] time(String container, int execs) {
        String out = Containers.exec(List.of("docker", "exec", container, "/usr/bin/python3", "-c", TIMER,
                Integer.toString(execs))).strip();
        return Arrays.stream(out.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void idleCpu(Path work) throws Exception {
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "bulwark-bench-idle-" + i + "-" + System.nanoTime();
            Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "3600"));
            idle.add(name);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            for (String config : List.of("sensors.yaml", "guard.yaml")) {
                try (AgentDaemon agent = AgentDaemon.start(AgentConfig.load(work.resolve(config)), Clock.systemUTC())) {
                    Thread.sleep(5000);
                    long cpuBefore = os.getProcessCpuTime();
                    long wallBefore = System.nanoTime();
                    Thread.sleep(30_000);
                    double cores = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
                    System.out.printf("agent CPU with 20 idle protected containers, guard %s (%d guarded): %.1f %% of one core over 30 s%n",
                            config.startsWith("guard") ? "on " : "off", agent.guarded().size(), cores * 100);
                }
            }
        } finally {
            List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
            remove.addAll(idle);
            Containers.exec(remove);
        }
    }
}
