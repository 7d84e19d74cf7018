package dev.bulwark.agent.prevent;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Containers for the guard's tests, removed afterwards, and the commands the tests run against them. */
final class GuardedContainers implements AutoCloseable {

    /** What a command printed and how it ended. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final List<String> names = new ArrayList<>();

    /** Writes a policy whose runtime section is these lines (indented by two) and an agent configuration for it. */
    static java.nio.file.Path writeConfig(java.nio.file.Path dir, String... runtime) throws IOException {
        List<String> policy = new ArrayList<>(List.of("apiVersion: bulwark.dev/v1", "kind: Policy", "metadata: {name: guard-test}",
                "stages: [{name: production}]", "runtime:"));
        for (String line : runtime) {
            policy.add("  " + line);
        }
        policy.add("");
        java.nio.file.Files.writeString(dir.resolve("policy.yaml"), String.join("\n", policy));
        return java.nio.file.Files.writeString(dir.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
    }

    /** Starts the agent in this JVM with such a policy. */
    static AgentDaemon startAgent(java.nio.file.Path dir, String... runtime) throws IOException {
        return AgentDaemon.start(dev.bulwark.agent.daemon.AgentConfig.load(writeConfig(dir, runtime)), java.time.Clock.systemUTC());
    }

    /** Drives traffic on a thread of its own until done (checked every 100 ms) or the limit; whether it was done. */
    static boolean driveUntil(Duration limit, Runnable traffic, BooleanSupplier done) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean driving = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread driver = new Thread(() -> {
            while (driving.get()) {
                traffic.run();
            }
        });
        driver.start();
        try {
            return within(limit, done);
        } finally {
            driving.set(false);
            driver.join();
        }
    }

    /** POSTs a JSON body to the vulnerable service's /debug from inside its container; what curl printed. */
    static String debug(String container, String body) {
        return exec(container, "/usr/bin/curl", "-sS", "-m", "20", "-H", "Content-Type: application/json", "--data", body,
                "http://127.0.0.1:8000/debug").all();
    }

    /** Closes the agent (when started) and removes the containers. */
    void closeWith(AgentDaemon agent) {
        if (agent != null) {
            agent.close();
        }
        close();
    }

    String run(String... args) {
        String name = "bulwark-guard-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--network", "none"));
        command.addAll(List.of(args));
        Result result = command(command);
        if (result.exit() != 0) {
            throw new IllegalStateException("docker run failed: " + result.err());
        }
        names.add(name);
        return name;
    }

    static String id(String name) {
        return command(List.of("docker", "inspect", "-f", "{{.Id}}", name)).out().strip();
    }

    static boolean running(String name) {
        return dev.bulwark.agent.docker.DockerCli.running(name);
    }

    static Result exec(String container, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", container));
        command.addAll(List.of(args));
        return command(command);
    }

    static Result command(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Waits until the agent guards the container, failing when it does not within the limit. */
    static void awaitGuarded(AgentDaemon agent, String name, Duration limit) throws InterruptedException {
        String id = id(name);
        if (!within(limit, () -> {
            agent.syncGuard();
            return agent.guarded().contains(id);
        })) {
            throw new AssertionError(name + " was not guarded within " + limit.toSeconds() + " s; audit: "
                    + agent.audit().forContainer(id).stream().map(AuditEntry::detail).toList());
        }
    }

    static List<AuditEntry> prevented(AgentDaemon agent, String name) {
        return agent.audit().forContainer(id(name)).stream().filter(entry -> entry.response().equals("prevent")).toList();
    }

    @Override
    public void close() {
        for (String name : names) {
            command(List.of("docker", "rm", "-f", name));
        }
    }
}
