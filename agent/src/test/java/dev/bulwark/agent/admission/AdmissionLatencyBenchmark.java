package dev.bulwark.agent.admission;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.policy.text.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What admission control adds to each Docker API call. A second dockerd (its own network namespace, as in the
 * acceptance test) is timed without the plugin, then with {@code --authorization-plugin} and the agent serving it:
 * {@code CALLS} list calls ({@code GET /containers/json}, passed through unjudged) and {@code CALLS} creates
 * ({@code POST /containers/create}, judged by the admission rules with an image inspect), each create followed by
 * its delete, untimed. Prints p50/p99 per call, off and on. Not a test: run {@code testing/bench/admission.sh}.
 */
public final class AdmissionLatencyBenchmark {

    private static final String POLICY = """
            apiVersion: bulwark.dev/v1
            kind: Policy
            metadata: {name: admission-bench}
            stages: [{name: production}]
            runtime:
              defaultMode: monitor
              admission: {privileged: false, deniedCapabilities: [SYS_ADMIN], hostNamespaces: false, deniedMounts: [/var/run/docker.sock, /]}
            """;

    private AdmissionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Numbers.parseInt(args[0], "the number of calls") : 500;
        Path root = Files.createTempDirectory(Path.of("/tmp"), "bwb");
        try {
            long[][] off = measure(root.resolve("off"), calls, null);
            String plugin = "bulwark-bench-" + UUID.randomUUID().toString().substring(0, 8);
            long[][] on = measure(root.resolve("on"), calls, plugin);
            System.out.printf("admission control: added latency per Docker API call (%d calls each, unix socket, one at a time)%n", calls);
            System.out.printf("  %-34s %10s %10s %10s %10s%n", "call", "off p50", "off p99", "on p50", "on p99");
            print("GET /containers/json (passed)", off[0], on[0]);
            print("POST /containers/create (judged)", off[1], on[1]);
        } finally {
            new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static long[][] measure(Path root, int calls, String plugin) throws Exception {
        Files.createDirectories(root);
        AgentDaemon agent = null;
        CompletableFuture<AgentDaemon> starting = null;
        if (plugin != null) {
            Files.writeString(root.resolve("policy.yaml"), POLICY);
            Path config = Files.writeString(root.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n"
                    + "prevention: false\ndockerHost: unix://" + root.resolve("docker.sock") + "\nadmission:\n  plugin: " + plugin + "\n");
            starting = CompletableFuture.supplyAsync(() -> AgentDaemon.start(AgentConfig.load(config), Clock.systemUTC()));
        }
        try (SecondEngine engine = plugin == null ? SecondEngine.start(root) : SecondEngine.start(root, "--authorization-plugin=" + plugin)) {
            if (starting != null) {
                agent = starting.get(90, TimeUnit.SECONDS);
            }
            engine.awaitReady(60);
            Process save = new ProcessBuilder("sh", "-c", "docker save " + DockerCli.BUSYBOX + " | docker -H " + engine.host() + " load -q")
                    .inheritIO().start();
            save.waitFor(120, TimeUnit.SECONDS);
            Path socket = root.resolve("docker.sock");
            String create = "{\"Image\":\"" + DockerCli.BUSYBOX + "\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}";
            for (int i = 0; i < 50; i++) {
                RawEngineCall.get(socket, "/v1.41/containers/json");
                remove(socket, RawEngineCall.post(socket, "/v1.41/containers/create", create));
            }
            long[] list = new long[calls];
            long[] creates = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                RawEngineCall.get(socket, "/v1.41/containers/json");
                list[i] = System.nanoTime() - start;
                start = System.nanoTime();
                String answer = RawEngineCall.post(socket, "/v1.41/containers/create", create);
                creates[i] = System.nanoTime() - start;
                remove(socket, answer);
            }
            return new long[][] {list, creates};
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    private static void remove(Path socket, String createAnswer) throws Exception {
        if (!createAnswer.startsWith("HTTP/1.1 201")) {
            throw new IllegalStateException("the create was not made: " + createAnswer);
        }
        String id = createAnswer.replaceAll("(?s).*\"Id\":\"([0-9a-f]+)\".*", "$1");
        RawEngineCall.delete(socket, "/v1.41/containers/" + id + "?force=1");
    }

    private static void print(String call, long[] off, long[] on) {
        System.out.printf("  %-34s %8.2f ms %8.2f ms %8.2f ms %8.2f ms   added p50 %+.2f ms, p99 %+.2f ms%n", call, ms(off, 50), ms(off, 99),
                ms(on, 50), ms(on, 99), ms(on, 50) - ms(off, 50), ms(on, 99) - ms(off, 99));
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
