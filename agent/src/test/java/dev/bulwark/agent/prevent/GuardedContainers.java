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
        return command(List.of("docker", "inspect", "-f", "{{.State.Running}}", name)).out().strip().equals("true");
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
