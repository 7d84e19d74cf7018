package dev.bulwark.agent.prevent;

import dev.bulwark.agent.sensor.files.Fanotify;
import dev.bulwark.agent.sensor.files.FanotifyEvent;
import dev.bulwark.agent.sensor.proc.ProcReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer to one permission request: whether the file may be run (or read) by the process that asks, from the
 * container's {@link GuardRules} and, for programs the profile does not know and for credential reads, whose doing
 * the process is (the container's own, or the engine's: {@code docker exec}, a health check).
 */
final class PermissionJudge {

    private static final int MAX_DEPTH = 16;

    private final ProcReader proc;
    private final long selfPid = ProcessHandle.current().pid();

    PermissionJudge(ProcReader proc) {
        this.proc = proc;
    }

    record Decided(Refusal refusal, boolean timedOut, String path, String why) {
        static final Decided ALLOW = new Decided(null, false, "", "");
    }

    Decided decide(String containerId, GuardRules rules, String mountNamespace, FanotifyEvent event, long deadline) {
        if (event.pid() == selfPid) {
            return Decided.ALLOW;
        }
        Path descriptor = Path.of("/proc/self/fd/" + event.fd());
        boolean exec = (event.mask() & Fanotify.FAN_OPEN_EXEC_PERM) != 0;
        GuardPlan plan = rules.plan();
        if (!exec) {
            if (!sameMountNamespace(event.pid(), mountNamespace) || engineStarted(event.pid(), plan.mainPid())
                    && !plan.operatorExecDenied()) {
                return Decided.ALLOW; // a host process, or an operator's docker exec: not the container's own doing
            }
            return refuse(containerId, event, descriptor, false, "profile",
                    "read a credential file its converged profile never read");
        }
        FileKey key;
        try {
            key = FileKey.of(descriptor);
        } catch (IOException e) {
            return new Decided(null, true, descriptor.toString(), "its file could not be read: " + e.getMessage());
        }
        GuardRules.Content content = rules.judge(key, descriptor, deadline);
        if (content instanceof GuardRules.Content.Denied denied) {
            return refuse(containerId, event, descriptor, true, denied.rule(), denied.why());
        }
        if (content instanceof GuardRules.Content.Unknown unknown) {
            return engineStarted(event.pid(), plan.mainPid()) && !plan.operatorExecDenied()
                    ? Decided.ALLOW // judged by the profile after the fact, as a docker exec's programs always are
                    : refuse(containerId, event, descriptor, true, "profile", unknown.why());
        }
        if (content instanceof GuardRules.Content.Unidentified unidentified) {
            return new Decided(null, true, pathOf(descriptor), unidentified.why());
        }
        return plan.operatorExecDenied() && engineStarted(event.pid(), plan.mainPid())
                ? refuse(containerId, event, descriptor, true, "exec", "an operator's docker exec, and runtime.exec is deny")
                : Decided.ALLOW;
    }

    private Decided refuse(String containerId, FanotifyEvent event, Path descriptor, boolean exec, String rule, String why) {
        String path = pathOf(descriptor);
        long parent = proc.status(event.pid()).map(ProcReader.Status::parentPid).orElse(0L);
        String requester = proc.executable(event.pid()).orElse("");
        return new Decided(new Refusal(containerId, Instant.now(), exec, path, event.pid(), requester, parent, rule,
                (exec ? "refused to run " : "refused a read of ") + path + ": " + why), false, path, why);
    }

    /**
     * Whether the engine started this process ({@code docker exec}, a health check) rather than the container's main
     * process: walking up its ancestry, a process outside the container's cgroup (the runtime, the shim) comes before
     * the container's main process. (Not its mount namespace: a process with CAP_SYS_ADMIN could make one of its own.) An ancestor that has gone has had its children handed to another parent,
     * so the child's parent is read again. Ancestry that cannot be read counts as the container's own, the stricter
     * answer.
     */
    private boolean engineStarted(long pid, long mainPid) {
        Optional<String> containerCgroup = cgroup(mainPid);
        long child = pid;
        long current = pid;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (current == mainPid) {
                return false;
            }
            if (current <= 1) {
                return true;
            }
            if (current != pid && containerCgroup.isPresent()) {
                Optional<String> its = cgroup(current);
                if (its.isPresent() && !its.get().equals(containerCgroup.get())) {
                    return true;
                }
            }
            var status = proc.status(current);
            if (status.isEmpty() && current != child) {
                status = proc.status(child); // the ancestor went: its children have a new parent by now
                if (status.isEmpty() || status.get().parentPid() == current) {
                    return false;
                }
                current = status.get().parentPid();
                continue;
            }
            if (status.isEmpty()) {
                return false;
            }
            child = current;
            current = status.get().parentPid();
        }
        return false;
    }

    private static Optional<String> cgroup(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "cgroup"));
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty(); // gone, or a zombie: its parent tells
        }
    }

    private static boolean sameMountNamespace(long pid, String namespace) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString().equals(namespace);
        } catch (IOException e) {
            return true; // gone already: judged as the container's, the stricter answer
        }
    }

    private static String pathOf(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return descriptor.toString();
        }
    }

}
