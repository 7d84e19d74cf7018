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
 * @param runAsNonRoot        whether containers (and execs into them) must not run as root (user 0)
 */
public record AdmissionRules(Boolean privileged, List<String> deniedCapabilities, Boolean hostNamespaces,
                             List<String> deniedMounts, String requiredVerdict, Boolean runAsNonRoot) {

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

    /** Admission rules that do not say whether root may run. */
    public AdmissionRules(Boolean privileged, List<String> deniedCapabilities, Boolean hostNamespaces, List<String> deniedMounts,
                          String requiredVerdict) {
        this(privileged, deniedCapabilities, hostNamespaces, deniedMounts, requiredVerdict, null);
    }

    /** Whether containers may run as root (they may unless the policy says runAsNonRoot: true). */
    public boolean allowsRoot() {
        return !Boolean.TRUE.equals(runAsNonRoot);
    }

    /**
     * Whether a user, as Docker's {@code User} field holds it ({@code ""}, {@code root}, {@code 0:0}, {@code app},
     * {@code 1000:1000}), is root. An empty user is root: it is what the engine runs when neither the container nor
     * the image names one. A name other than {@code root} is taken at its word (the image's passwd is not read).
     */
    public static boolean isRoot(String user) {
        String name = user == null ? "" : user.strip();
        int colon = name.indexOf(':');
        String who = colon < 0 ? name : name.substring(0, colon);
        return who.isEmpty() || who.equals("root") || who.chars().allMatch(Character::isDigit) && who.replace("0", "").isEmpty();
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
