package dev.bulwark.agent.sensor.proc;

import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation.ProcessExec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
     * already exited; one that exited in a watched container before it could be read is reported to {@code gaps} as
     * an exec that could not be attributed.
     */
    Optional<ProcessExec> describe(long pid, Instant at, ExecSource source, Consumer<SensorGap> gaps) {
        Optional<String> container = cgroups.containerId(pid).filter(id -> !excludedContainers.contains(id));
        if (container.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcReader.Status> status = proc.status(pid);
        Optional<String> executable = proc.executable(pid);
        if (status.isEmpty() || executable.isEmpty()) {
            gaps.accept(new SensorGap(source.word(), Instant.now(), "an exec (process " + pid + ") could not be attributed:"
                    + " it had exited before it could be read", container.get(), false));
            return Optional.empty();
        }
        List<String> argv = proc.argv(pid);
        if (runtimeInit(pid, executable.get(), argv)) {
            return Optional.empty();
        }
        return Optional.of(new ProcessExec(container.get(), at, pid, status.get().parentPid(), status.get().uid(),
                executable.get(), argv, source, proc.loaderVariables(pid)));
    }

    /**
     * Whether the process is the container runtime setting up a process in the container ({@code runc init}, which
     * then execs the container's or {@code docker exec}'s program in its place): not the container's own program. It
     * must run the host's runc binary itself; a program of that name in the container's own files is reported. Its
     * arguments may not be readable yet (caught mid-exec they read as nothing, or {@code /}).
     */
    private boolean runtimeInit(long pid, String executable, List<String> argv) {
        boolean init = argv.size() == 2 && argv.get(0).endsWith("runc") && argv.get(1).equals("init");
        return (init || !ProcReader.readWhole(argv)) && executable.endsWith("/runc") && proc.runsHostFile(pid, executable);
    }

    ProcReader proc() {
        return proc;
    }
}
