package dev.bulwark.policy.runtime;

import java.util.List;

/**
 * A running container judged by the admission rules (privileged, capabilities, host namespaces, mounts): what
 * admission control would have refused at start, noticed while the container runs.
 */
public final class ContainerConfigRules {

    private ContainerConfigRules() {
    }

    /** The admission rules' verdict on what a container is given (or asks to be given). */
    public static Decision decide(AdmissionRules admission, Observation.ContainerConfig config) {
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
            String path = PathGlob.normalize(mount);
            for (String glob : admission.deniedMounts()) {
                if (new PathGlob(glob).matches(path)) {
                    return new Decision.Block(RuntimeRule.DENIED_MOUNTS, "host path " + mount + " is mounted into the container,"
                            + " and it matches '" + glob + "' in admission.deniedMounts");
                }
                if (contains(path, glob)) {
                    return new Decision.Block(RuntimeRule.DENIED_MOUNTS, "host path " + mount + " is mounted into the container,"
                            + " and it holds '" + glob + "', which admission.deniedMounts denies");
                }
            }
        }
        if (!admission.allowsRoot() && AdmissionRules.isRoot(config.user())) {
            return new Decision.Block(RuntimeRule.RUN_AS_NON_ROOT, "the container runs as root (user '" + config.user()
                    + "'), which admission.runAsNonRoot forbids: set USER in the image, or run the container as a non-zero UID");
        }
        return Decision.ALLOW;
    }

    /**
     * Whether a mounted directory holds what a denied glob names: mounting {@code /var/run} hands over
     * {@code /var/run/docker.sock} as surely as mounting the socket itself.
     */
    static boolean contains(String directory, String glob) {
        int wild = indexOfWildcard(glob);
        String fixed = wild < 0 ? glob : glob.substring(0, glob.lastIndexOf('/', wild) + 1);
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return prefix.equals("/") || !fixed.isEmpty() && (PathGlob.normalize(fixed) + "/").startsWith(prefix);
    }

    private static int indexOfWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

}
