package dev.bulwark.policy.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a container was seen doing, as the agent's sensors report it and the runtime rules judge it.
 * Every observation names the container (its full ID) and when it happened.
 */
public sealed interface Observation permits Observation.ProcessExec, Observation.Listen, Observation.Connect,
        Observation.FileAccess, Observation.ResourceSample, Observation.ContainerConfig {

    String containerId();

    Instant at();

    /**
     * A program started in the container.
     *
     * @param pid        its process ID (host namespace)
     * @param parentPid  its parent's process ID
     * @param uid        the user it runs as
     * @param executable the executable's path inside the container
     * @param argv       its arguments, the program name first
     * @param source     which sensor saw it: {@code proc-connector}, {@code proc-poll} or {@code docker-exec}
     */
    record ProcessExec(String containerId, Instant at, long pid, long parentPid, int uid, String executable, List<String> argv,
                       String source) implements Observation {
        public ProcessExec {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(at, "at");
            executable = Objects.requireNonNullElse(executable, "");
            argv = List.copyOf(Objects.requireNonNullElse(argv, List.of()));
            source = Objects.requireNonNullElse(source, "");
        }
    }

    /** A socket listening in the container: {@code protocol} is tcp, tcp6, udp or udp6. */
    record Listen(String containerId, Instant at, String protocol, String address, int port) implements Observation {
    }

    /** An outbound connection from the container. */
    record Connect(String containerId, Instant at, String protocol, String address, int port) implements Observation {
    }

    /**
     * A file read, written or created in the container.
     *
     * @param kind {@code read}, {@code write}, {@code create} or {@code delete}
     */
    record FileAccess(String containerId, Instant at, String path, String kind, long pid) implements Observation {
    }

    /**
     * What a running container was given: seen when it starts, and for every container when the agent starts.
     *
     * @param privileged     whether it runs privileged
     * @param capabilities   the capabilities added to it ({@code SYS_ADMIN}, …)
     * @param hostMounts     the host paths mounted into it
     * @param hostNamespaces the host namespaces it shares ({@code pid}, {@code network}, {@code ipc}, {@code uts})
     */
    record ContainerConfig(String containerId, Instant at, boolean privileged, List<String> capabilities, List<String> hostMounts,
                           List<String> hostNamespaces) implements Observation {
        public ContainerConfig {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(at, "at");
            capabilities = List.copyOf(capabilities);
            hostMounts = List.copyOf(hostMounts);
            hostNamespaces = List.copyOf(hostNamespaces);
        }
    }

    /** A resource sample: CPU in cores, memory in bytes, processes, network and block I/O in bytes. */
    record ResourceSample(String containerId, Instant at, double cpu, long memoryBytes, long pids, long networkBytes,
                          long blockBytes) implements Observation {
    }
}
