package dev.bulwark.policy.runtime;

import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a container must not be given at create or start; the agent's admission control refuses it.
 *
 * @param privileged          whether privileged containers are refused
 * @param deniedCapabilities  capabilities that must not be added ({@code SYS_ADMIN}, {@code ALL}, …)
 * @param hostNamespaces      whether the host's pid, network, ipc or uts namespace may be shared
 * @param deniedMounts        host paths (globs) that must not be mounted, such as /var/run/docker.sock
 * @param requiredVerdict     the gate verdict an image must carry to run: pass, or warn (pass or warn)
 */
public record AdmissionRules(Boolean privileged, List<String> deniedCapabilities, Boolean hostNamespaces,
                             List<String> deniedMounts, String requiredVerdict) {

    public AdmissionRules {
        deniedCapabilities = Objects.requireNonNullElse(deniedCapabilities, List.<String>of()).stream()
                .map(capability -> capability.strip().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .toList();
        deniedMounts = RuntimeRules.absolutePaths("deniedMounts", deniedMounts);
        if (requiredVerdict != null && !requiredVerdict.equals("pass") && !requiredVerdict.equals("warn")) {
            throw new InvalidFieldException("requiredVerdict", "requiredVerdict '" + requiredVerdict
                    + "' is not valid: use pass (only passing images run) or warn (passing or warned images run)");
        }
    }

    /** Whether privileged containers may run (they may unless the policy says false). */
    public boolean allowsPrivileged() {
        return !Boolean.FALSE.equals(privileged);
    }

    /** Whether containers may share the host's namespaces (they may unless the policy says false). */
    public boolean allowsHostNamespaces() {
        return !Boolean.FALSE.equals(hostNamespaces);
    }
}
