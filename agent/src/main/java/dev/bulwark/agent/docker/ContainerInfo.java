package dev.bulwark.agent.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import dev.bulwark.agent.mode.ContainerMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent knows about one container, as the engine's inspect reported it.
 *
 * @param id           the full container ID
 * @param name         the name, without Docker's leading slash
 * @param image        the image as the container was created from it ({@code bulwark-test/busybox:latest})
 * @param imageId      the image ID ({@code sha256:…})
 * @param labels       the container's labels
 * @param mode         the mode its {@value ContainerMode#LABEL} label asks for, if any
 * @param privileged   whether it runs privileged
 * @param addedCapabilities capabilities added with {@code --cap-add}
 * @param mounts       host source → container destination
 * @param networks     the names of the networks it is connected to
 * @param pid          the host PID of its main process, 0 when it is not running
 * @param running      whether it runs (a paused container runs)
 * @param paused       whether it is paused
 * @param hostNamespaces the host namespaces it shares
 * @param spec         what it was declared to run (command, ports, user, volumes, health check)
 * @param startedAt    when it last started, {@link Instant#MIN} when the engine did not say
 */
public record ContainerInfo(String id, String name, String image, String imageId, Map<String, String> labels,
                            Optional<ContainerMode> mode, boolean privileged, List<String> addedCapabilities,
                            Map<String, String> mounts, List<String> networks, long pid, boolean running,
                            boolean paused, List<String> hostNamespaces, ContainerSpec spec, Instant startedAt) {

    public ContainerInfo {
        spec = Objects.requireNonNullElse(spec, ContainerSpec.none());
        startedAt = Objects.requireNonNullElse(startedAt, Instant.MIN);
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        image = Objects.requireNonNullElse(image, "");
        imageId = Objects.requireNonNullElse(imageId, "");
        labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
        mode = Objects.requireNonNullElse(mode, Optional.empty());
        addedCapabilities = List.copyOf(Objects.requireNonNullElse(addedCapabilities, List.of()));
        mounts = Map.copyOf(Objects.requireNonNullElse(mounts, Map.of()));
        networks = List.copyOf(Objects.requireNonNullElse(networks, List.of()));
        hostNamespaces = List.copyOf(Objects.requireNonNullElse(hostNamespaces, List.of()));
    }

    /**
     * Reads an inspect answer. A {@value ContainerMode#LABEL} label with an unknown value yields no mode
     * rather than an error: the container is then governed by the policy's default mode.
     */
    public static ContainerInfo of(InspectContainerResponse inspect) {
        ContainerConfig config = inspect.getConfig();
        HostConfig host = inspect.getHostConfig();
        var state = inspect.getState();
        Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        Map<String, String> mounts = new LinkedHashMap<>();
        if (inspect.getMounts() != null) {
            for (var mount : inspect.getMounts()) {
                if (mount.getDestination() != null) {
                    mounts.put(Objects.requireNonNullElse(mount.getSource(), ""), mount.getDestination().getPath());
                }
            }
        }
        var settings = inspect.getNetworkSettings();
        List<String> networks = settings == null || settings.getNetworks() == null ? List.of()
                : settings.getNetworks().keySet().stream().sorted().toList();
        Capability[] capAdd = host == null ? null : host.getCapAdd();
        return new ContainerInfo(inspect.getId(), stripSlash(inspect.getName()), config == null ? "" : config.getImage(),
                inspect.getImageId(), labels, modeOf(labels), host != null && Boolean.TRUE.equals(host.getPrivileged()),
                capAdd == null ? List.of() : Arrays.stream(capAdd).map(Capability::name).toList(), mounts, networks,
                state == null || state.getPidLong() == null ? 0 : state.getPidLong(),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                state != null && Boolean.TRUE.equals(state.getPaused()), hostNamespaces(host), ContainerSpec.of(inspect),
                startedAt(state == null ? null : state.getStartedAt()));
    }

    /** The engine's {@code State.StartedAt} (RFC 3339); {@link Instant#MIN} when absent or unreadable. */
    static Instant startedAt(String value) {
        if (value == null || value.isBlank() || value.startsWith("0001-")) {
            return Instant.MIN;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            return Instant.MIN; // judged as a container that may have run through every gap: softened, never less
        }
    }

    /** The host namespaces the container shares: {@code pid}, {@code network}, {@code ipc}, {@code uts}. */
    private static List<String> hostNamespaces(HostConfig host) {
        if (host == null) {
            return List.of();
        }
        List<String> shared = new java.util.ArrayList<>();
        if ("host".equals(host.getPidMode())) {
            shared.add("pid");
        }
        if ("host".equals(host.getNetworkMode())) {
            shared.add("network");
        }
        if ("host".equals(host.getIpcMode())) {
            shared.add("ipc");
        }
        if ("host".equals(host.getUtSMode())) {
            shared.add("uts");
        }
        return shared;
    }

    /** The first twelve characters of the ID, as the Docker CLI shows it. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static Optional<ContainerMode> modeOf(Map<String, String> labels) {
        try {
            return ContainerMode.fromLabels(labels);
        } catch (IllegalArgumentException unknownMode) {
            return Optional.empty();
        }
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
