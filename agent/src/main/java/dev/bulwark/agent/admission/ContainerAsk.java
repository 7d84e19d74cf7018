package dev.bulwark.agent.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a request asks a container to be given, read from the body of a create ({@code POST /containers/create}),
 * an exec ({@code POST /containers/ID/exec}) or a volume ({@code POST /volumes/create}) as the engine would read it.
 *
 * @param image          the image named ({@code ""} for an exec or a volume)
 * @param user           the user asked for ({@code ""} when none: the image's, or the container's for an exec)
 * @param privileged     whether privileged mode is asked for
 * @param capabilities   the capabilities asked for ({@code CapAdd}, and {@code Capabilities} of API 1.40)
 * @param hostMounts     host paths to be mounted: bind sources, and the devices of local volumes bound to host paths
 * @param hostNamespaces the host namespaces to be shared ({@code network}, {@code pid}, {@code ipc}, {@code uts},
 *                       {@code user}, {@code cgroup})
 */
record ContainerAsk(String image, String user, boolean privileged, List<String> capabilities, List<String> hostMounts,
                    List<String> hostNamespaces) {

    ContainerAsk {
        capabilities = List.copyOf(capabilities);
        hostMounts = List.copyOf(hostMounts);
        hostNamespaces = List.copyOf(hostNamespaces);
    }

    private static final List<String[]> NAMESPACE_FIELDS = List.of(new String[] {"NetworkMode", "network"},
            new String[] {"PidMode", "pid"}, new String[] {"IpcMode", "ipc"}, new String[] {"UTSMode", "uts"},
            new String[] {"UsernsMode", "user"}, new String[] {"CgroupnsMode", "cgroup"});

    /** What a container create asks for. */
    static ContainerAsk ofCreate(byte[] body) {
        JsonNode root = DockerJson.object(body, "the create request's body");
        JsonNode host = DockerJson.field(root, "HostConfig");
        List<String> capabilities = new ArrayList<>(DockerJson.texts(host, "CapAdd", "HostConfig"));
        capabilities.addAll(DockerJson.texts(host, "Capabilities", "HostConfig"));
        List<String> mounts = new ArrayList<>();
        for (String bind : DockerJson.texts(host, "Binds", "HostConfig")) {
            String source = bind.contains(":") ? bind.substring(0, bind.indexOf(':')) : bind;
            if (source.startsWith("/")) {
                mounts.add(source);
            }
        }
        JsonNode mountList = DockerJson.field(host, "Mounts");
        for (JsonNode mount : mountList.isArray() ? mountList : List.<JsonNode>of()) {
            String type = DockerJson.text(mount, "Type", "HostConfig.Mounts[]");
            if (type.equalsIgnoreCase("bind")) {
                mounts.add(DockerJson.text(mount, "Source", "HostConfig.Mounts[]"));
            } else if (type.equalsIgnoreCase("volume")) {
                JsonNode options = DockerJson.field(DockerJson.field(DockerJson.field(mount, "VolumeOptions"), "DriverConfig"), "Options");
                boundDevice(options).ifPresent(mounts::add);
            }
        }
        List<String> namespaces = new ArrayList<>();
        for (String[] field : NAMESPACE_FIELDS) {
            if (DockerJson.text(host, field[0], "HostConfig").strip().equalsIgnoreCase("host")) {
                namespaces.add(field[1]);
            }
        }
        return new ContainerAsk(DockerJson.text(root, "Image", "the create request"), DockerJson.text(root, "User", "the create request"),
                DockerJson.flag(host, "Privileged", "HostConfig"), capabilities, mounts, namespaces);
    }

    /** What an exec into a running container asks for. */
    static ContainerAsk ofExec(byte[] body) {
        JsonNode root = DockerJson.object(body, "the exec request's body");
        return new ContainerAsk("", DockerJson.text(root, "User", "the exec request"), DockerJson.flag(root, "Privileged", "the exec request"),
                List.of(), List.of(), List.of());
    }

    /** What a volume create asks for: a local volume bound to a host path is a mount of that path. */
    static ContainerAsk ofVolume(byte[] body) {
        JsonNode root = DockerJson.object(body, "the volume request's body");
        return new ContainerAsk("", "", false, List.of(), boundDevice(DockerJson.field(root, "DriverOpts")).stream().toList(), List.of());
    }

    /** The host path a local volume's options bind ({@code type=none, o=bind, device=/path}), if they do. */
    private static Optional<String> boundDevice(JsonNode options) {
        String device = DockerJson.text(options, "device", "the volume's options");
        String o = DockerJson.text(options, "o", "the volume's options");
        String type = DockerJson.text(options, "type", "the volume's options");
        boolean bind = type.equalsIgnoreCase("none") || List.of(o.split(",")).contains("bind") || List.of(o.split(",")).contains("rbind");
        return device.startsWith("/") && bind ? Optional.of(device) : Optional.empty();
    }
}
