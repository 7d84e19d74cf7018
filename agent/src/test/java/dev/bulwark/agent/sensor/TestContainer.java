package dev.bulwark.agent.sensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A throw-away container of a local test image, run with the Docker CLI and removed on close. */
public final class TestContainer implements AutoCloseable {

    private final String name;
    private final String id;

    private TestContainer(String name, String id) {
        this.name = name;
        this.id = id;
    }

    /** Runs {@code command} detached in {@code image} (never pulled). */
    public static TestContainer run(String image, String... command) {
        return runWith(List.of(), image, command);
    }

    /** Runs {@code command} detached in {@code image} with further {@code docker run} options (volumes, tmpfs, …). */
    public static TestContainer runWith(List<String> options, String image, String... command) {
        String name = "bulwark-agent-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d", "--pull", "never", "--name", name));
        args.addAll(options);
        args.add(image);
        args.addAll(List.of(command));
        return new TestContainer(name, docker(args).trim());
    }

    public String id() {
        return id;
    }

    public long mainPid() {
        return Long.parseLong(docker(List.of("docker", "inspect", "-f", "{{.State.Pid}}", id)).trim());
    }

    public String ipAddress() {
        return docker(List.of("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", id))
                .trim();
    }

    /** The supplier the sensors take: this container alone. */
    public Map<String, Long> asRunning() {
        return Map.of(id, mainPid());
    }

    /** Runs a command in the container and returns its output. */
    public String exec(String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", id));
        args.addAll(List.of(command));
        return docker(args);
    }

    /** Starts a command in the container without waiting for it. */
    public void execDetached(String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", "-d", id));
        args.addAll(List.of(command));
        docker(args);
    }

    @Override
    public void close() {
        docker(List.of("docker", "rm", "-f", "-v", name));
    }

    private static String docker(List<String> args) {
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", args), e);
        }
    }
}
