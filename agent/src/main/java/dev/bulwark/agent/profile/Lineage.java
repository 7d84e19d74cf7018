package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.sensor.proc.ForkRecords;
import dev.bulwark.agent.sensor.proc.ProcReader;
import dev.bulwark.policy.profile.Origin;
import dev.bulwark.policy.runtime.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whose doing a process is. The container's main process and everything it starts are the container's own. A
 * process whose ancestor is outside the container was started by the engine: the image's health check when its
 * command is the health check's or the health check is all the engine announced then (Docker's exec records),
 * otherwise an operator's {@code docker exec}. Children inherit their parent's origin. Gone ancestors are passed by the
 * kernel's fork records. When the ancestry cannot be read at all, the process counts as the container's own, which
 * judges it strictly; a program's name never makes a process the health check's.
 */
public final class Lineage {

    private static final int REMEMBERED = 65_536;
    private static final int MAX_DEPTH = 12;
    /** The parent of a container's main process, as profiles name it: the container runtime. */
    public static final String INIT = "(init)";

    /**
     * A process seen before: whose it is and what it runs. PIDs are reused quickly, so a remembered process counts only
     * while a process with its PID has its start time.
     */
    record Known(String containerId, Origin origin, String executable, long startTime) {
    }

    /**
     * The origin of a process and its parent's executable (empty when unknown); not {@code certain} when its ancestry
     * could not be read and the engine has not (yet) announced it: ask again a moment later, with
     * {@code lastAttempt}, when the engine's exec event has arrived.
     */
    public record Attribution(Origin origin, String parentExecutable, boolean certain) {

        public Attribution(Origin origin, String parentExecutable) {
            this(origin, parentExecutable, true);
        }
    }

    /** The process's ancestry could not be read and nothing else tells whose it is. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final ProcReader proc;
    private final ForkRecords forks;
    private final EngineExecs engineExecs = new EngineExecs();
    private final Map<Long, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param forks the kernel's record of who forked whom ({@link ForkRecords}; empty when processes are polled) */
    public Lineage(ProcReader proc, ForkRecords forks) {
        this.proc = proc;
        this.forks = forks;
    }

    /** Attributes an exec (as the last attempt) and remembers the process for its children. */
    public Attribution attribute(Observation.ProcessExec exec, ContainerInfo container) {
        return attribute(exec, container, true);
    }

    /**
     * Attributes an exec and remembers the process for its children. When its ancestry cannot be read and this is not
     * the last attempt, the answer is not certain and nothing is remembered.
     */
    public Attribution attribute(Observation.ProcessExec exec, ContainerInfo container, boolean lastAttempt) {
        if (exec.pid() <= 0) {
            // Docker's exec_start event: the engine is about to start this command in the container.
            engineExecs.announce(container.id(), exec.argv(), exec.at());
            return new Attribution(healthcheckCommand(exec.argv(), container) ? Origin.HEALTHCHECK : Origin.OPERATOR, "");
        }
        Known before = current(exec.pid(), container.id()).orElse(null);
        Attribution attribution;
        if (exec.pid() == container.pid()) {
            attribution = new Attribution(Origin.CONTAINER, before == null ? INIT : before.executable());
        } else if (before != null) {
            attribution = new Attribution(before.origin(), before.executable()); // exec in place: the same process
        } else {
            try {
                Told told = ancestry(exec.pid(), exec.parentPid(), container);
                Origin origin = told instanceof Told.Inherited inherited ? inherited.origin()
                        : told instanceof Told.ByEngine ? engineStarted(exec.argv(), exec.at(), container)
                        : unreadable(exec, container, lastAttempt);
                attribution = new Attribution(origin, parentExecutable(exec.parentPid()));
            } catch (Unreadable unreadable) {
                return new Attribution(Origin.CONTAINER, parentExecutable(exec.parentPid()), false);
            }
        }
        known.put(exec.pid(), new Known(container.id(), attribution.origin(), exec.executable(), startTime(exec.pid())));
        return attribution;
    }

    /** The origin of the process behind a file event: as remembered, else the container's own. */
    public Origin originOf(long pid) {
        return pid > 0 ? known.containsKey(pid) ? current(pid, known.get(pid).containerId()).map(Known::origin)
                .orElse(Origin.CONTAINER) : Origin.CONTAINER : Origin.CONTAINER;
    }

    /** The remembered process with this PID, if it is still the same process (same container, same start time). */
    private Optional<Known> current(long pid, String containerId) {
        Known remembered = known.get(pid);
        if (remembered == null || !remembered.containerId().equals(containerId)) {
            return Optional.empty();
        }
        if (remembered.startTime() < 0 || remembered.startTime() != startTime(pid)) {
            known.remove(pid); // the PID now belongs to another process
            return Optional.empty();
        }
        return Optional.of(remembered);
    }

    private long startTime(long pid) {
        return proc.stat(pid).map(ProcReader.Stat::startTime).orElse(-1L);
    }

    /**
     * What the ancestors of a process say, from {@code parent} up: the origin of the container's main process or of an
     * ancestor already attributed, the engine's (an ancestor outside the container's cgroup: runc, the shim), or
     * nothing when the chain breaks. A gone ancestor is passed by the kernel's record of its fork; without one, by the
     * parent the process has now (its subreaper), once.
     */
    private Told ancestry(long pid, long parent, ContainerInfo container) {
        long current = parent;
        boolean reparented = false;
        for (int depth = 0; depth < MAX_DEPTH && current > 1; depth++) {
            if (current == container.pid()) {
                return new Told.Inherited(Origin.CONTAINER);
            }
            Optional<Known> ancestor = current(current, container.id());
            if (ancestor.isPresent()) {
                return new Told.Inherited(ancestor.get().origin());
            }
            Optional<String> cgroup = proc.cgroup(current);
            if (cgroup.isPresent() && !cgroup.get().contains(container.id())) {
                return new Told.ByEngine();
            }
            Optional<Long> up = cgroup.isPresent() ? proc.status(current).map(ProcReader.Status::parentPid) : Optional.empty();
            if (up.isEmpty()) {
                up = forks.parentOf(current);
            }
            if (up.isEmpty() && !reparented && current == parent) {
                // runc started it and exited before its fork was seen: the process now hangs under its subreaper.
                long from = current;
                up = proc.status(pid).map(ProcReader.Status::parentPid).filter(now -> now != from);
                reparented = true;
                if (up.isPresent()) {
                    current = up.get();
                    continue;
                }
            }
            if (up.isEmpty()) {
                return new Told.Unreadable();
            }
            current = up.get();
        }
        return current <= 1 ? new Told.ByEngine() : new Told.Inherited(Origin.CONTAINER);
    }

    /**
     * A process whose ancestry could not be read: the health check's when it runs the health check's very command
     * (harmless whoever runs it), an operator's when the engine just announced this very command, otherwise not certain
     * — and the container's own on the last attempt, the stricter answer. Never the engine's by the program's name.
     */
    private Origin unreadable(Observation.ProcessExec exec, ContainerInfo container, boolean lastAttempt) {
        if (healthcheckCommand(exec.argv(), container)) {
            return Origin.HEALTHCHECK;
        }
        if (ProcReader.readWhole(exec.argv()) && engineExecs.command(container.id(), exec.argv(), exec.at())) {
            return Origin.OPERATOR;
        }
        if (!lastAttempt) {
            throw new Unreadable("the parent of " + exec.executable() + " (pid " + exec.pid()
                    + ") could not be read yet: attribute it again once the engine has announced it");
        }
        return Origin.CONTAINER;
    }

    /**
     * Attributes a program opened to run (fanotify's exec event, which carries the process but not its parent or
     * arguments): as the process was attributed when its exec was seen; else by its ancestry (the kernel's fork records
     * outlive a health check's short-lived process); else not certain, or the container's own on the last attempt.
     */
    public Attribution attributeFile(Observation.FileAccess file, ContainerInfo container, boolean lastAttempt) {
        if (file.pid() <= 0) {
            return new Attribution(Origin.CONTAINER, "", lastAttempt);
        }
        Optional<Known> process = current(file.pid(), container.id());
        if (process.isPresent()) {
            return new Attribution(process.get().origin(), "");
        }
        if (file.pid() == container.pid()) {
            return new Attribution(Origin.CONTAINER, "");
        }
        Optional<Long> parent = proc.status(file.pid()).map(ProcReader.Status::parentPid).or(() -> forks.parentOf(file.pid()));
        Told told = parent.isPresent() ? ancestry(file.pid(), parent.get(), container) : new Told.Unreadable();
        if (told instanceof Told.Inherited inherited) {
            return new Attribution(inherited.origin(), "");
        }
        return told instanceof Told.ByEngine ? new Attribution(engineStarted(List.of(), file.at(), container), "")
                : new Attribution(Origin.CONTAINER, "", lastAttempt);
    }

    /**
     * A process the engine started into the container: the health check's when it runs the health check's command, or
     * when the health check is all the engine announced for this container in the last few seconds (its shell may have
     * become another program by now); otherwise an operator's {@code docker exec}.
     */
    private Origin engineStarted(List<String> argv, java.time.Instant at, ContainerInfo container) {
        List<String> healthcheck = container.spec().healthcheckArgv();
        boolean healthcheckOnly = !healthcheck.isEmpty() && engineExecs.onlyCommand(container.id(), healthcheck, at);
        return healthcheckCommand(argv, container) || healthcheckOnly ? Origin.HEALTHCHECK : Origin.OPERATOR;
    }

    private static boolean healthcheckCommand(List<String> argv, ContainerInfo container) {
        List<String> healthcheck = container.spec().healthcheckArgv();
        return !healthcheck.isEmpty() && String.join(" ", healthcheck).strip().equals(String.join(" ", argv).strip());
    }

    private String parentExecutable(long parentPid) {
        Known parent = known.get(parentPid);
        if (parent != null && parent.startTime() >= 0 && parent.startTime() == startTime(parentPid)) {
            return parent.executable();
        }
        return parentPid > 0 ? proc.executable(parentPid).orElse("") : "";
    }

}
