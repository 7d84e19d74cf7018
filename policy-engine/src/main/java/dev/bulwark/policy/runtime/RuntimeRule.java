package dev.bulwark.policy.runtime;

/** The runtime rule a decision was made under, named as the policy's {@code runtime.rules} section writes it. */
public enum RuntimeRule {
    /** {@code deniedExecutables}: an executable that must never run ran. */
    DENIED_EXECUTABLES("deniedExecutables"),
    /** {@code allowedExecutables}: an executable outside the allowed list ran. */
    ALLOWED_EXECUTABLES("allowedExecutables"),
    /** {@code outbound.deny}: a connection went to a denied destination. */
    OUTBOUND_DENY("outbound.deny"),
    /** {@code outbound.allow}: a connection went to a destination outside the allowed list. */
    OUTBOUND_ALLOW("outbound.allow"),
    /** {@code listeningPorts}: a socket listened on a port outside the list. */
    LISTENING_PORTS("listeningPorts"),
    /** {@code writablePaths}: a file outside the writable paths was written, created or deleted. */
    WRITABLE_PATHS("writablePaths"),
    /** {@code resources}: a resource sample went above the envelope. */
    RESOURCES("resources"),
    /** {@code exec}: an operator ran {@code docker exec} where the policy alerts on or denies it. */
    EXEC("exec"),
    /** The learned profile: the container did something its converged profile never saw. */
    PROFILE("profile"),
    /** {@code admission.privileged}: a container runs privileged where the policy forbids it. */
    PRIVILEGED("admission.privileged"),
    /** {@code admission.deniedCapabilities}: a container was given a denied capability. */
    DENIED_CAPABILITIES("admission.deniedCapabilities"),
    /** {@code admission.hostNamespaces}: a container shares a host namespace where the policy forbids it. */
    HOST_NAMESPACES("admission.hostNamespaces"),
    /** {@code admission.deniedMounts}: a denied host path is mounted into a container. */
    DENIED_MOUNTS("admission.deniedMounts"),
    /** {@code admission.runAsNonRoot}: a container or an exec runs as root where the policy forbids it. */
    RUN_AS_NON_ROOT("admission.runAsNonRoot"),
    /** {@code admission.requiredVerdict}: an image without the gate verdict the host's stage requires. */
    REQUIRED_VERDICT("admission.requiredVerdict");

    private final String field;

    RuntimeRule(String field) {
        this.field = field;
    }

    /** The rule as the policy names it, such as {@code outbound.deny}. */
    public String field() {
        return field;
    }
}
