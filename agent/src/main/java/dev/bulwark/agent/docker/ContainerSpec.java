package dev.bulwark.agent.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a container was declared to run: its image's declarations as the container got them (Docker merges the
 * image's config into the container's) and the runtime parameters it was given.
 *
 * @param command        the program and its arguments as started ({@code Path} and {@code Args})
 * @param exposedPorts   declared ports as {@code tcp:80}
 * @param user           the declared user (empty: root)
 * @param volumes        declared volume paths
 * @param healthcheck    the health check's test: {@code ["CMD", …]} or {@code ["CMD-SHELL", "…"]}; empty when none
 * @param publishedPorts ports published on the host, as {@code tcp:80}
 */
public record ContainerSpec(List<String> command, List<String> exposedPorts, String user, List<String> volumes,
                            List<String> healthcheck, List<String> publishedPorts) {

    public ContainerSpec {
        command = List.copyOf(Objects.requireNonNullElse(command, List.of()));
        exposedPorts = List.copyOf(Objects.requireNonNullElse(exposedPorts, List.of()));
        user = Objects.requireNonNullElse(user, "");
        volumes = List.copyOf(Objects.requireNonNullElse(volumes, List.of()));
        healthcheck = List.copyOf(Objects.requireNonNullElse(healthcheck, List.of()));
        publishedPorts = List.copyOf(Objects.requireNonNullElse(publishedPorts, List.of()));
    }

    public static ContainerSpec none() {
        return new ContainerSpec(null, null, null, null, null, null);
    }

    static ContainerSpec of(InspectContainerResponse inspect) {
        ContainerConfig config = inspect.getConfig();
        List<String> command = new ArrayList<>();
        if (inspect.getPath() != null && !inspect.getPath().isEmpty()) {
            command.add(inspect.getPath());
        }
        if (inspect.getArgs() != null) {
            command.addAll(Arrays.asList(inspect.getArgs()));
        }
        if (config == null) {
            return new ContainerSpec(command, null, null, null, null, published(inspect.getHostConfig()));
        }
        List<String> exposed = config.getExposedPorts() == null ? List.of()
                : Arrays.stream(config.getExposedPorts()).map(ContainerSpec::port).sorted().toList();
        List<String> volumes = config.getVolumes() == null ? List.of() : config.getVolumes().keySet().stream().sorted().toList();
        List<String> test = config.getHealthcheck() == null || config.getHealthcheck().getTest() == null ? List.of()
                : config.getHealthcheck().getTest();
        if (!test.isEmpty() && test.get(0).equals("NONE")) {
            test = List.of();
        }
        return new ContainerSpec(command, exposed, config.getUser(), volumes, test, published(inspect.getHostConfig()));
    }

    private static List<String> published(HostConfig host) {
        if (host == null || host.getPortBindings() == null) {
            return List.of();
        }
        return host.getPortBindings().getBindings().entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue().length > 0)
                .map(entry -> port(entry.getKey())).sorted().toList();
    }

    private static String port(ExposedPort port) {
        return (port.getProtocol() == null ? "tcp" : port.getProtocol().name().toLowerCase(Locale.ROOT)) + ":" + port.getPort();
    }

    /** The health check as the argv it runs: CMD's list as is, CMD-SHELL under {@code /bin/sh -c}. */
    public List<String> healthcheckArgv() {
        if (healthcheck.size() < 2) {
            return List.of();
        }
        if (healthcheck.get(0).equals("CMD-SHELL")) {
            return List.of("/bin/sh", "-c", healthcheck.get(1));
        }
        return healthcheck.get(0).equals("CMD") ? healthcheck.subList(1, healthcheck.size()) : List.of();
    }
}
