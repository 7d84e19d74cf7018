package dev.bulwark.agent.sensor.proc;

import dev.bulwark.policy.runtime.Observation.ProcessExec;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a host PID into a {@link ProcessExec} when it runs in a watched container: both process sensors share
 * this, so they report the same fields the same way.
 */
final class ContainerProcesses {

    private final ProcReader proc;
    private final CgroupResolver cgroups;
    private final Set<String> excludedContainers;

    ContainerProcesses(ProcReader proc, Set<String> excludedContainers) {
        this.proc = proc;
        this.cgroups = new CgroupResolver(proc);
        this.excludedContainers = Set.copyOf(excludedContainers);
    }

    /**
     * The exec, or empty when the process runs on the host, in an excluded container (the agent's own), or has
     * already exited.
     */
    Optional<ProcessExec> describe(long pid, Instant at, String source) {
        Optional<String> container = cgroups.containerId(pid).filter(id -> !excludedContainers.contains(id));
        if (container.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcReader.Status> status = proc.status(pid);
        Optional<String> executable = proc.executable(pid);
        if (status.isEmpty() || executable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessExec(container.get(), at, pid, status.get().parentPid(), status.get().uid(),
                executable.get(), proc.argv(pid), source));
    }

    ProcReader proc() {
        return proc;
    }
}
