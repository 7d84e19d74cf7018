package dev.bulwark.policy.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Something a container was seen doing, as the agent's sensors report it and the runtime rules judge it.
 * Every observation names the container (its full ID) and when it happened. Consume it with
 * {@link #match}, one function per kind, so a new kind does not compile until every consumer handles it.
 */
public sealed interface Observation permits Observation.ProcessExec, Observation.Listen, Observation.Connect,
        Observation.FileAccess, Observation.ResourceSample, Observation.ContainerConfig {

    String containerId();

    Instant at();

    /**
     * The value of the function for this observation's kind.
     *
     * @param exec      for a {@link ProcessExec}
     * @param listen    for a {@link Listen}
     * @param connect   for a {@link Connect}
     * @param file      for a {@link FileAccess}
     * @param resources for a {@link ResourceSample}
     * @param config    for a {@link ContainerConfig}
     * @param <R>       what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                Function<FileAccess, R> file, Function<ResourceSample, R> resources, Function<ContainerConfig, R> config);

    /**
     * A program started in the container.
     *
     * @param pid        its process ID (host namespace)
     * @param parentPid  its parent's process ID
     * @param uid        the user it runs as
     * @param executable the executable's path inside the container
     * @param argv       its arguments, the program name first
     * @param source     which sensor saw it
     * @param loader     the dynamic loader's variables it was started with ({@code LD_PRELOAD=/tmp/x.so}): code put into
     *                   the program from outside it; empty when none or unknown
     */
    record ProcessExec(String containerId, Instant at, long pid, long parentPid, int uid, String executable, List<String> argv,
                       ExecSource source, List<String> loader) implements Observation {
        public ProcessExec {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(at, "at");
            executable = Objects.requireNonNullElse(executable, "");
            argv = List.copyOf(Objects.requireNonNullElse(argv, List.of()));
            Objects.requireNonNull(source, "source");
            loader = List.copyOf(Objects.requireNonNullElse(loader, List.of()));
        }

        /** An exec whose loader variables are not known. */
        public ProcessExec(String containerId, Instant at, long pid, long parentPid, int uid, String executable, List<String> argv,
                           ExecSource source) {
            this(containerId, at, pid, parentPid, uid, executable, argv, source, List.of());
        }

        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return exec.apply(this);
        }
    }

    /** A socket listening in the container. */
    record Listen(String containerId, Instant at, Protocol protocol, String address, int port) implements Observation {
        public Listen {
            Objects.requireNonNull(protocol, "protocol");
        }

        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return listen.apply(this);
        }
    }

    /** An outbound connection from the container. */
    record Connect(String containerId, Instant at, Protocol protocol, String address, int port) implements Observation {
        public Connect {
            Objects.requireNonNull(protocol, "protocol");
        }

        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return connect.apply(this);
        }
    }

    /**
     * A file read, written, created, deleted or executed in the container.
     *
     * @param kind how it was touched
     * @param pid  the process that touched it, or 0 when the sensor does not know
     */
    record FileAccess(String containerId, Instant at, String path, FileAccessKind kind, long pid) implements Observation {
        public FileAccess {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return file.apply(this);
        }
    }

    /**
     * What a running container was given: seen when it starts, and for every container when the agent starts.
     *
     * @param privileged     whether it runs privileged
     * @param capabilities   the capabilities added to it ({@code SYS_ADMIN}, …)
     * @param hostMounts     the host paths mounted into it
     * @param hostNamespaces the host namespaces it shares ({@code pid}, {@code network}, {@code ipc}, {@code uts})
     * @param user           the user its main process runs as, as Docker's {@code User} field holds it ({@code ""} is root)
     */
    record ContainerConfig(String containerId, Instant at, boolean privileged, List<String> capabilities, List<String> hostMounts,
                           List<String> hostNamespaces, String user) implements Observation {
        public ContainerConfig {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(user, "user");
            capabilities = List.copyOf(capabilities);
            hostMounts = List.copyOf(hostMounts);
            hostNamespaces = List.copyOf(hostNamespaces);
        }

        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return config.apply(this);
        }
    }

    /** A resource sample: CPU in cores, memory in bytes, processes, network and block I/O in bytes. */
    record ResourceSample(String containerId, Instant at, double cpu, long memoryBytes, long pids, long networkBytes,
                          long blockBytes) implements Observation {
        @Override
        public <R> R match(Function<ProcessExec, R> exec, Function<Listen, R> listen, Function<Connect, R> connect,
                           Function<FileAccess, R> file, Function<ResourceSample, R> resources,
                           Function<ContainerConfig, R> config) {
            return resources.apply(this);
        }
    }
}
