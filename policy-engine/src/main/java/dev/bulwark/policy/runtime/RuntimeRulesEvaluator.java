package dev.bulwark.policy.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges one observation against a policy's explicit runtime rules and gives the raw verdict: {@link Decision#ALLOW}
 * or a {@link Decision.Block} naming the rule that was broken. What the agent then does with a block depends on
 * the container's mode: see {@link ModePolicy}.
 *
 * <ul>
 *   <li><b>Executables.</b> The globs ({@link PathGlob}) are matched against the executable's path <em>and</em>
 *       against its applet path: the executable's directory joined with the applet argv names ({@link Applets}). A
 *       multi-call binary picks its applet by {@code argv[0]} (or {@code argv[1]} after its own name), so {@code /bin/busybox} run as {@code sh} is
 *       {@code /bin/sh} as far as the rules go, and {@code **}{@code /sh} denies it. A denied executable breaks
 *       {@code deniedExecutables} when either path matches; an allow list is kept only when both paths are
 *       allowed, so allowing {@code /bin/busybox} does not allow every shell it contains.</li>
 *   <li><b>Outbound.</b> A connection to a denied destination breaks {@code outbound.deny}, even when it is also
 *       allowed (deny wins); with an allow list, one to any other destination breaks {@code outbound.allow}.</li>
 *   <li><b>Listening ports</b> and <b>writable paths</b> (writes, creates and deletes; reads are free) break
 *       their rule when the list is not empty and the port or path is not in it.</li>
 *   <li>A resource sample above {@code resources} is an anomaly: an alert, or a block when the policy's
 *       {@code learning.anomalies} says block.</li>
 * </ul>
 */
public final class RuntimeRulesEvaluator {

    private RuntimeRulesEvaluator() {
    }

    /** The raw verdict on an observation under the rules. */
    public static Decision decide(RuntimeRules rules, Observation observation) {
        return observation.match(
                exec -> exec(rules, exec),
                listen -> rules.listeningPorts().isEmpty() || rules.listeningPorts().contains(listen.port())
                        ? Decision.ALLOW
                        : new Decision.Block(RuntimeRule.LISTENING_PORTS, "listened on " + listen.protocol().word()
                                + " port " + listen.port() + ", which is not in listeningPorts " + rules.listeningPorts()),
                connect -> connect(rules.outbound(), connect),
                file -> file(rules, file),
                sample -> resources(rules.resources(), sample, false),
                config -> Decision.ALLOW);
    }

    /** The raw verdict on an observation under a runtime section: its rules, its admission rules, its learning. */
    public static Decision decide(RuntimeSpec spec, Observation observation) {
        return observation.match(
                exec -> decide(spec.rules(), exec),
                listen -> decide(spec.rules(), listen),
                connect -> decide(spec.rules(), connect),
                file -> decide(spec.rules(), file),
                sample -> resources(spec.rules().resources(), sample, spec.learning().blocksAnomalies()),
                config -> ContainerConfigRules.decide(spec.admission(), config));
    }

    /** A sample above the envelope: an alert, or a block when the policy blocks anomalies. */
    public static Decision resources(ResourceLimits limits, Observation.ResourceSample sample, boolean block) {
        String breach = limits.breach(sample);
        if (breach.isEmpty()) {
            return Decision.ALLOW;
        }
        String why = "resource use above the envelope: " + breach;
        return block ? new Decision.Block(RuntimeRule.RESOURCES, why) : new Decision.Alert(RuntimeRule.RESOURCES, why);
    }

    private static Decision exec(RuntimeRules rules, Observation.ProcessExec exec) {
        List<String> paths = executablePaths(exec);
        for (String glob : rules.deniedExecutables()) {
            for (String path : paths) {
                if (new PathGlob(glob).matches(path)) {
                    return new Decision.Block(RuntimeRule.DENIED_EXECUTABLES, describe(exec) + " ran, and " + path
                            + " matches '" + glob + "' in deniedExecutables");
                }
            }
        }
        if (rules.allowedExecutables().isEmpty()) {
            return Decision.ALLOW;
        }
        for (String path : paths) {
            if (rules.allowedExecutables().stream().noneMatch(glob -> new PathGlob(glob).matches(path))) {
                return new Decision.Block(RuntimeRule.ALLOWED_EXECUTABLES, describe(exec) + " ran, and " + path
                        + " matches nothing in allowedExecutables");
            }
        }
        return Decision.ALLOW;
    }

    /** The executable's path, then its applet path when argv names another program in its directory ({@link Applets}). */
    static List<String> executablePaths(Observation.ProcessExec exec) {
        List<String> paths = new ArrayList<>();
        String executable = PathGlob.normalize(exec.executable());
        paths.add(executable);
        Applets.path(executable, exec.argv()).map(PathGlob::normalize).filter(applet -> !applet.equals(executable))
                .ifPresent(paths::add);
        return paths;
    }

    private static String describe(Observation.ProcessExec exec) {
        return exec.executable() + (exec.argv().isEmpty() ? "" : " (argv[0] " + exec.argv().get(0) + ")");
    }

    private static Decision connect(Outbound outbound, Observation.Connect connect) {
        String target = connect.address() + " port " + connect.port();
        for (String denied : outbound.deny()) {
            if (Destination.parse(denied).matches(connect.address(), connect.port())) {
                return new Decision.Block(RuntimeRule.OUTBOUND_DENY, "connected to " + target + ", which matches '"
                        + denied + "' in outbound.deny");
            }
        }
        if (outbound.allow().isEmpty()
                || outbound.allow().stream().anyMatch(allowed -> Destination.parse(allowed).matches(connect.address(), connect.port()))) {
            return Decision.ALLOW;
        }
        return new Decision.Block(RuntimeRule.OUTBOUND_ALLOW, "connected to " + target
                + ", which matches nothing in outbound.allow");
    }

    private static Decision file(RuntimeRules rules, Observation.FileAccess file) {
        if (!file.kind().changes() || rules.writablePaths().isEmpty()
                || rules.writablePaths().stream().anyMatch(glob -> new PathGlob(glob).matches(file.path()))) {
            return Decision.ALLOW;
        }
        return new Decision.Block(RuntimeRule.WRITABLE_PATHS, "a " + file.kind().word() + " of " + file.path()
                + ", which matches nothing in writablePaths");
    }
}
