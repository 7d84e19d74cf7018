package dev.bulwark.agent.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Drives the real engine the way a user would, with the docker CLI, for tests. */
public final class DockerCli {

    public static final String BUSYBOX = "bulwark-test/busybox:latest";

    private final List<String> created = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();

    /** A container name unique to this run, with the prefix the cleanup looks for. */
    public static String uniqueName(String what) {
        return "bulwark-agent-test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs a detached busybox that sleeps, with extra {@code docker run} options; returns its full ID. */
    public String runSleeper(String name, String... options) {
        return sleeper("run", name, options);
    }

    /**
     * Creates a busybox that would sleep without starting it: for options the test engine cannot start
     * (privileged containers need more than a nested engine grants).
     */
    public String createSleeper(String name, String... options) {
        return sleeper("create", name, options);
    }

    private String sleeper(String verb, String name, String... options) {
        List<String> command = new ArrayList<>(List.of(verb));
        if (verb.equals("run")) {
            command.add("-d");
        }
        command.addAll(List.of("--name", name));
        command.addAll(List.of(options));
        command.addAll(List.of(BUSYBOX, "sleep", "300"));
        created.add(name);
        return docker(command.toArray(String[]::new));
    }

    public String createNetwork(String name) {
        networks.add(name);
        return docker("network", "create", name);
    }

    /** Whether the container (by name or ID) is running now. */
    public static boolean running(String container) {
        return docker("inspect", "-f", "{{.State.Running}}", container).equals("true");
    }

    public static String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": is the docker CLI installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Removes what this instance created; call it from {@code @AfterEach}. */
    public void removeAll() {
        for (String name : created) {
            quietly("rm", "-f", name);
        }
        for (String network : networks) {
            quietly("network", "rm", network);
        }
        created.clear();
        networks.clear();
    }

    private static void quietly(String... arguments) {
        try {
            docker(arguments);
        } catch (IllegalStateException alreadyGone) {
            // Nothing left to remove is what cleanup wants.
        }
    }
}
