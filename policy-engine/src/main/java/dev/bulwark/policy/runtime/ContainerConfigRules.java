package dev.bulwark.policy.runtime;

import java.util.List;

/**
 * A running container judged by the admission rules (privileged, capabilities, host namespaces, mounts): what
 * admission control would have refused at start, noticed while the container runs.
 */
final class ContainerConfigRules {

    private ContainerConfigRules() {
    }

    static Decision decide(AdmissionRules admission, Observation.ContainerConfig config) {
        if (config.privileged() && !admission.allowsPrivileged()) {
            return new Decision.Block(RuntimeRule.PRIVILEGED, "the container runs privileged, which admission.privileged forbids");
        }
        for (String capability : config.capabilities()) {
            String name = capability.replaceFirst("^CAP_", "");
            if (admission.deniedCapabilities().contains(name) || admission.deniedCapabilities().contains("ALL")) {
                return new Decision.Block(RuntimeRule.DENIED_CAPABILITIES, "the container was given capability " + name
                        + ", which admission.deniedCapabilities " + admission.deniedCapabilities() + " denies");
            }
        }
        if (!config.hostNamespaces().isEmpty() && !admission.allowsHostNamespaces()) {
            return new Decision.Block(RuntimeRule.HOST_NAMESPACES, "the container shares the host's " + String.join(", ",
                    config.hostNamespaces()) + " namespace(s), which admission.hostNamespaces forbids");
        }
        for (String mount : config.hostMounts()) {
            for (String glob : admission.deniedMounts()) {
                if (new PathGlob(glob).matches(mount)) {
                    return new Decision.Block(RuntimeRule.DENIED_MOUNTS, "host path " + mount + " is mounted into the container,"
                            + " and it matches '" + glob + "' in admission.deniedMounts");
                }
            }
        }
        return Decision.ALLOW;
    }

}
