package dev.bulwark.agent.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second dockerd for tests, beside the machine's own and never disturbing it: its own socket, data root, exec
 * root, pidfile and (empty) configuration file, no bridge, no iptables, ip-forward or masquerading changes, and its
 * own network namespace. The namespace matters: a dockerd started with {@code --bridge none} deletes any link named
 * {@code docker0} it can see, which is the machine engine's bridge in the host's namespace. Containers on it run
 * with {@code --network none}; processes it needs on its loopback (a registry) run in its namespace too. It enters
 * the namespace with {@code nsenter --net} only: {@code ip netns exec} would also remount /sys and hide the cgroups.
 */
final class SecondEngine implements AutoCloseable {

    /** What a docker CLI command printed and how it ended. */
    record Result(int exit, String output) {
    }

    private final Process process;
    private final Path root;
    private final String namespace;
    private final List<Process> neighbours = new ArrayList<>();

    private SecondEngine(Process process, Path root, String namespace) {
        this.process = process;
        this.root = root;
        this.namespace = namespace;
    }

    /** Starts dockerd with these extra flags ({@code --authorization-plugin=NAME}); it answers once its plugins answer. */
    static SecondEngine start(Path root, String... flags) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("daemon.json"), "{}\n");
        String namespace = "bulwark-" + root.getFileName();
        must("ip", "netns", "add", namespace);
        must("ip", "-n", namespace, "link", "set", "lo", "up");
        List<String> command = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + namespace, "dockerd", "--host", "unix://" + root.resolve("docker.sock"),
                "--data-root", root.resolve("data").toString(), "--exec-root", root.resolve("exec").toString(),
                "--pidfile", root.resolve("docker.pid").toString(), "--config-file", root.resolve("daemon.json").toString(),
                "--bridge", "none", "--iptables=false", "--ip6tables=false", "--ip-forward=false", "--ip-masq=false"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("dockerd.log").toFile())).start();
        return new SecondEngine(process, root, namespace);
    }

    /** Starts a process in the engine's network namespace (a registry it pulls from on its loopback). */
    void startBeside(Path log, String... command) throws IOException {
        List<String> inNamespace = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + namespace));
        inNamespace.addAll(List.of(command));
        neighbours.add(new ProcessBuilder(inNamespace).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    private static void must(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output + " (apt-get install iproute2)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", command), e);
        }
    }

    /** The engine's address, as {@code DOCKER_HOST} or {@code docker -H} takes it. */
    String host() {
        return "unix://" + root.resolve("docker.sock");
    }

    /** Waits until the engine answers the docker CLI. */
    void awaitReady(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (process.isAlive() && Files.exists(root.resolve("docker.sock")) && docker("version").exit() == 0) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the second dockerd exited: " + log());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the second dockerd did not answer within " + seconds + " s: " + log());
    }

    /** Runs the docker CLI against this engine. */
    Result docker(String... arguments) {
        return DockerCommand.run(host(), 120, arguments);
    }

    String log() {
        try {
            String text = Files.readString(root.resolve("dockerd.log"), StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (Process neighbour : neighbours) {
            neighbour.destroy();
            neighbour.waitFor(10, TimeUnit.SECONDS);
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        must("ip", "netns", "del", namespace);
    }
}
