package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.sensor.proc.ProcReader;
import dev.bulwark.policy.profile.Origin;
import dev.bulwark.policy.runtime.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whose doing a process is. The container's main process and everything it starts are the container's own. A
 * process whose parent is outside the container was started by the engine: the image's health check when its
 * arguments are the health check's, otherwise an operator's {@code docker exec}. Children inherit their parent's
 * origin. When the ancestry cannot be read (the parent is gone), the process counts as the container's own, which
 * judges it strictly.
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
    private final EngineExecs engineExecs = new EngineExecs();
    private final Map<Long, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    public Lineage(ProcReader proc) {
        this.proc = proc;
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
            return new Attribution(engineStarted(exec, container), "");
        }
        Known before = current(exec.pid(), container.id()).orElse(null);
        Attribution attribution;
        if (exec.pid() == container.pid()) {
            attribution = new Attribution(Origin.CONTAINER, before == null ? INIT : before.executable());
        } else if (before != null) {
            attribution = new Attribution(before.origin(), before.executable()); // exec in place: the same process
        } else {
            try {
                attribution = new Attribution(ancestry(exec, container, lastAttempt), parentExecutable(exec.parentPid()));
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

    private Origin ancestry(Observation.ProcessExec exec, ContainerInfo container, boolean lastAttempt) {
        long pid = exec.parentPid();
        boolean reparented = false;
        for (int depth = 0; depth < MAX_DEPTH && pid > 1; depth++) {
            if (pid == container.pid()) {
                return Origin.CONTAINER;
            }
            Optional<Known> ancestor = current(pid, container.id());
            if (ancestor.isPresent()) {
                return ancestor.get().origin();
            }
            Optional<String> cgroup = proc.cgroup(pid);
            if (cgroup.isEmpty()) {
                // The parent is gone (runc exits once it has started an exec): the process now hangs under its
                // subreaper, so look again from its current parent, once.
                Optional<Long> now = reparented ? Optional.empty() : proc.status(exec.pid()).map(ProcReader.Status::parentPid)
                        .filter(current -> current != exec.parentPid());
                if (now.isPresent()) {
                    reparented = true;
                    pid = now.get();
                    continue;
                }
                return unreadable(exec, container, lastAttempt);
            }
            if (!cgroup.get().contains(container.id())) {
                return engineStarted(exec, container);
            }
            Optional<ProcReader.Status> status = proc.status(pid);
            if (status.isEmpty()) {
                return unreadable(exec, container, lastAttempt);
            }
            pid = status.get().parentPid();
        }
        return pid <= 1 ? engineStarted(exec, container) : Origin.CONTAINER;
    }

    /**
     * A process whose ancestry is gone: the engine's if the engine announced it (or it is the health check's very
     * command, which is harmless whoever runs it), otherwise the container's own — but only on the last attempt.
     */
    private Origin unreadable(Observation.ProcessExec exec, ContainerInfo container, boolean lastAttempt) {
        if (engineStarted(exec, container) == Origin.HEALTHCHECK) {
            return Origin.HEALTHCHECK;
        }
        if (announcedByEngine(exec, container)) {
            boolean healthcheckProgram = !ProcReader.readWhole(exec.argv())
                    && runsHealthcheckProgram(container, exec.executable());
            return healthcheckProgram ? Origin.HEALTHCHECK : engineStarted(exec, container);
        }
        if (!lastAttempt) {
            throw new Unreadable("the parent of " + exec.executable() + " (pid " + exec.pid()
                    + ") could not be read yet: attribute it again once the engine has announced it");
        }
        return Origin.CONTAINER;
    }

    /**
     * Whether Docker announced this very command for this container in the last few seconds (exec_start); for a process
     * gone before its arguments could be read, whether it announced a command running this program.
     */
    private boolean announcedByEngine(Observation.ProcessExec exec, ContainerInfo container) {
        return ProcReader.readWhole(exec.argv()) ? engineExecs.command(container.id(), exec.argv(), exec.at())
                : engineExecs.program(container.id(), exec.executable(), exec.at());
    }

    /**
     * Attributes a program opened to run (fanotify's exec event, which carries no parent or arguments): as the process
     * was attributed when its exec was seen; else the engine's when the engine just announced this program (the health
     * check's if it is the health check's program); else not certain, or the container's own on the last attempt.
     */
    public Attribution attributeFile(Observation.FileAccess file, ContainerInfo container, boolean lastAttempt) {
        Optional<Known> process = file.pid() > 0 ? current(file.pid(), container.id()) : Optional.empty();
        if (process.isPresent()) {
            return new Attribution(process.get().origin(), "");
        }
        if (engineExecs.program(container.id(), file.path(), file.at())) {
            return new Attribution(runsHealthcheckProgram(container, file.path()) ? Origin.HEALTHCHECK : Origin.OPERATOR, "");
        }
        return new Attribution(Origin.CONTAINER, "", lastAttempt);
    }

    /** Whether this program (by name) is the one the image's health check runs. */
    private static boolean runsHealthcheckProgram(ContainerInfo container, String program) {
        List<String> healthcheck = container.spec().healthcheckArgv();
        return !healthcheck.isEmpty() && EngineExecs.baseName(healthcheck.get(0)).equals(EngineExecs.baseName(program));
    }

    /** Started by the engine into the container: the health check if its arguments match, else an operator. */
    static Origin engineStarted(Observation.ProcessExec exec, ContainerInfo container) {
        List<String> healthcheck = container.spec().healthcheckArgv();
        boolean matches = !healthcheck.isEmpty()
                && String.join(" ", healthcheck).strip().equals(String.join(" ", exec.argv()).strip());
        return matches ? Origin.HEALTHCHECK : Origin.OPERATOR;
    }

    private String parentExecutable(long parentPid) {
        Known parent = known.get(parentPid);
        if (parent != null && parent.startTime() >= 0 && parent.startTime() == startTime(parentPid)) {
            return parent.executable();
        }
        return parentPid > 0 ? proc.executable(parentPid).orElse("") : "";
    }

}
