package dev.bulwark.agent.sensor.proc;

import dev.bulwark.scanner.testing.Containers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A throw-away container of the local busybox test image, removed on close. */
final class TestContainer implements AutoCloseable {

    static final String BUSYBOX = "bulwark-test/busybox:latest";

    final String name;
    final String id;

    private TestContainer(String name, String id) {
        this.name = name;
        this.id = id;
    }

    static TestContainer busybox(String... command) {
        String name = "bulwark-agent-test-proc-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d", "--network", "none", "--name", name, BUSYBOX));
        args.addAll(List.of(command));
        return new TestContainer(name, Containers.exec(args).trim());
    }

    long mainPid() {
        return Long.parseLong(Containers.exec(List.of("docker", "inspect", "-f", "{{.State.Pid}}", name)).trim());
    }

    void exec(String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", name));
        args.addAll(List.of(command));
        Containers.exec(args);
    }

    /** Starts a command in the container without waiting for it. */
    void execDetached(String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", "-d", name));
        args.addAll(List.of(command));
        Containers.exec(args);
    }

    @Override
    public void close() {
        Containers.exec(List.of("docker", "rm", "-f", name));
    }
}
