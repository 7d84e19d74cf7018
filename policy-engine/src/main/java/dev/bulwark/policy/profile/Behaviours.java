package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Applets;
import dev.bulwark.policy.runtime.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns an observation into the behaviours a profile learns and judges. High-risk novelty, which blocks in protect
 * mode: a new executable; a shell or package manager started by a program that never started one; a write under
 * a system directory; a new outbound peer (loopback connections stay inside the container and are not
 * profiled); a new TCP listening port (a bind shell); a read of a credential file; a known program run a new way
 * (an interpreter given code inline, loader variables such as {@code LD_PRELOAD}, see {@link ExecModes}). Everything else that is new (a
 * new UDP socket, a new user or parent for a known program, other writes, health-check programs) only alerts.
 */
public final class Behaviours {

    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish");
    static final Set<String> PACKAGE_MANAGERS = Set.of("apt", "apt-get", "aptitude", "dpkg", "apk", "yum", "dnf",
            "microdnf", "rpm", "zypper", "pip", "pip3", "npm", "yarn", "gem");
    static final List<String> SYSTEM_DIRECTORIES = List.of("/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/libx32",
            "/etc", "/boot");
    /** The dynamic loader the kernel opens for every dynamically linked program. */
    private static final java.util.regex.Pattern ELF_INTERPRETER = java.util.regex.Pattern.compile(".*/ld-(linux|musl)[^/]*\\.so[^/]*");

    private Behaviours() {
    }

    /**
     * The behaviours in an observation of the container's own doing or its health check's.
     *
     * @param parentExecutable the executable of the process's parent, when known (empty otherwise)
     */
    public static List<Behaviour> of(Observation observation, Origin origin, String parentExecutable) {
        if (origin == Origin.OPERATOR) {
            return List.of();
        }
        return observation.match(
                exec -> execBehaviours(exec, origin, parentExecutable),
                listen -> origin == Origin.HEALTHCHECK ? List.of() : listening(listen),
                connect -> origin == Origin.HEALTHCHECK ? List.of() : outbound(connect),
                file -> origin == Origin.HEALTHCHECK ? List.of() : fileBehaviours(file),
                sample -> List.of(),
                config -> List.of());
    }

    private static List<Behaviour> execBehaviours(Observation.ProcessExec exec, Origin origin, String parentExecutable) {
        if (!exec.executable().startsWith("/") || exec.executable().equals("/")) {
            // The container runtime's own re-exec (runc init) reads as "/": its binary is outside the container.
            return List.of();
        }
        String program = program(exec);
        if (origin == Origin.HEALTHCHECK) {
            return List.of(new Behaviour(Signal.HEALTHCHECKS, program, false, "health check ran " + program));
        }
        return execBehaviours(exec, program, parentExecutable);
    }

    private static List<Behaviour> listening(Observation.Listen listen) {
        String item = listen.protocol().family() + ":" + listen.port();
        boolean tcp = listen.protocol().isTcp(); // an unconnected UDP client socket reads as a UDP listener
        return List.of(new Behaviour(Signal.LISTENING, item, tcp, "listened on " + item + (tcp ? ", a TCP port it never listened on"
                : "")));
    }

    private static List<Behaviour> outbound(Observation.Connect connect) {
        if (loopback(connect.address())) {
            return List.of(); // never leaves the container: its own services, health checks among them
        }
        String item = Generalise.peer(connect.address(), connect.port());
        return List.of(new Behaviour(Signal.OUTBOUND, item, true, "connected to " + item + ", a peer it never connected to"));
    }

    private static List<Behaviour> execBehaviours(Observation.ProcessExec exec, String program, String parent) {
        List<Behaviour> behaviours = new ArrayList<>();
        behaviours.add(new Behaviour(Signal.EXECUTABLES, program, true, "ran " + program + ", a program it never ran"));
        String name = program.substring(program.lastIndexOf('/') + 1);
        boolean risky = SHELLS.contains(name) || PACKAGE_MANAGERS.contains(name);
        String kind = SHELLS.contains(name) ? "a shell" : PACKAGE_MANAGERS.contains(name) ? "a package manager" : program;
        if (parent != null && !parent.isBlank()) { // a parent that was gone before it could be read tells nothing
            behaviours.add(new Behaviour(Signal.EXEC_EDGES, parent + " > " + program, risky,
                    parent + " started " + kind + (risky ? " (" + program + ")" : "") + ", which it never did"));
        }
        if (exec.uid() >= 0) {
            behaviours.add(new Behaviour(Signal.EXEC_USERS, program + " as " + exec.uid(), false,
                    program + " ran as uid " + exec.uid() + ", a user it never ran as"));
        }
        behaviours.addAll(ExecModes.of(exec, program));
        return behaviours;
    }

    private static List<Behaviour> fileBehaviours(Observation.FileAccess file) {
        return switch (file.kind()) {
            case WRITE, CREATE, DELETE -> {
                String item = Generalise.path(file.path());
                boolean system = SYSTEM_DIRECTORIES.stream()
                        .anyMatch(dir -> file.path().equals(dir) || file.path().startsWith(dir + "/"));
                yield List.of(new Behaviour(Signal.WRITES, item, system, "a " + file.kind().word() + " of " + file.path()
                        + (system ? ", under a system directory," : "") + " where it never wrote"));
            }
            // The executable opened to run (fanotify), seen even when the process is gone before it can be read;
            // the dynamic loader is opened for every dynamically linked program and tells nothing.
            case EXEC -> ELF_INTERPRETER.matcher(file.path()).matches() ? List.of()
                    : List.of(new Behaviour(Signal.EXECUTABLES, file.path(), true, "ran " + file.path()
                            + ", a program it never ran"));
            case READ -> List.of(new Behaviour(Signal.SENSITIVE_READS, file.path(), true, "read " + file.path()
                    + ", a credential file it never read"));
        };
    }

    /** The program as learned: the executable, or for a multi-call binary (busybox) the applet argv[0] names. */
    static String program(Observation.ProcessExec exec) {
        String executable = exec.executable();
        String base = executable.substring(executable.lastIndexOf('/') + 1);
        return Applets.multiCall(base) ? Applets.path(executable, exec.argv()).orElse(executable) : executable;
    }

    private static boolean loopback(String address) {
        String bare = address.replace("[", "").replace("]", "");
        return bare.startsWith("127.") || bare.equals("::1") || bare.startsWith("::ffff:127.");
    }
}
