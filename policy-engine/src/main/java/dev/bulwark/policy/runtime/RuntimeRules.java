package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;
import java.util.Objects;

/**
 * Explicit behaviour rules the agent enforces whatever it has learned.
 *
 * @param deniedExecutables  executables (globs over the path) that must never run
 * @param allowedExecutables when not empty, the only executables that may run
 * @param outbound           outbound destinations that are allowed or denied
 * @param listeningPorts     when not empty, the only ports a container may listen on
 * @param writablePaths      when not empty, the only paths (globs) a container may write
 * @param resources          the resource envelope; a sample above it is an anomaly
 */
public record RuntimeRules(List<String> deniedExecutables, List<String> allowedExecutables, Outbound outbound,
                           List<Integer> listeningPorts, List<String> writablePaths, ResourceLimits resources) {

    @JsonCreator
    public RuntimeRules {
        resources = Objects.requireNonNullElse(resources, ResourceLimits.none());
        deniedExecutables = absolutePaths("deniedExecutables", deniedExecutables);
        allowedExecutables = absolutePaths("allowedExecutables", allowedExecutables);
        outbound = Objects.requireNonNullElse(outbound, new Outbound(List.of(), List.of()));
        listeningPorts = List.copyOf(Objects.requireNonNullElse(listeningPorts, List.of()));
        for (int port : listeningPorts) {
            if (port < 1 || port > 65535) {
                throw new InvalidFieldException("listeningPorts", "listening port " + port + " is not a port: use 1 to 65535");
            }
        }
        writablePaths = absolutePaths("writablePaths", writablePaths);
    }

    /** Rules without a resource envelope. */
    public RuntimeRules(List<String> deniedExecutables, List<String> allowedExecutables, Outbound outbound,
                        List<Integer> listeningPorts, List<String> writablePaths) {
        this(deniedExecutables, allowedExecutables, outbound, listeningPorts, writablePaths, null);
    }

    static List<String> absolutePaths(String field, List<String> globs) {
        List<String> copy = List.copyOf(Objects.requireNonNullElse(globs, List.of()));
        for (String glob : copy) {
            if (!glob.startsWith("/") && !glob.startsWith("**")) {
                throw new InvalidFieldException(field, "'" + glob + "' in " + field
                        + " is not an absolute path: write /usr/bin/nc, or **/nc for any directory");
            }
        }
        return copy;
    }

    /** No explicit rules. */
    public static RuntimeRules none() {
        return new RuntimeRules(null, null, null, null, null);
    }
}
