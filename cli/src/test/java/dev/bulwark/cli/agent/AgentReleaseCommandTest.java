package dev.bulwark.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.CliRun;
import dev.bulwark.scanner.testing.Containers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentReleaseCommandTest {

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    private Path config() throws Exception {
        Files.writeString(temp.resolve("policy.yaml"), "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: r}\nstages: [{name: p}]\n");
        Files.writeString(temp.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        return temp.resolve("agent.yaml");
    }

    @Test
    void unpausesAPausedContainer() throws Exception {
        Path config = config();
        String name = "bulwark-agent-test-" + UUID.randomUUID().toString().substring(0, 8);
        Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "600"));
        try {
            Containers.exec(List.of("docker", "pause", name));

            int exit = cli.run("agent", "release", "--config", config.toString(), name);

            assertThat(exit).as(cli.err()).isZero();
            assertThat(cli.out()).contains("released " + name);
            assertThat(Containers.exec(List.of("docker", "inspect", "-f", "{{.State.Paused}}", name)).strip()).isEqualTo("false");
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", name));
        }
    }

    @Test
    void saysWhenThereIsNothingToRelease() throws Exception {
        Path config = config();
        String name = "bulwark-agent-test-" + UUID.randomUUID().toString().substring(0, 8);
        Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "600"));
        try {
            int exit = cli.run("agent", "release", "--config", config.toString(), name);

            assertThat(exit).isEqualTo(2);
            assertThat(cli.err()).contains("nothing to release");
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", name));
        }
    }
}
