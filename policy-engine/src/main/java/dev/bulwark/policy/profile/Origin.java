package dev.bulwark.policy.profile;

/** Whose doing a process is: the container's own, its image's health check, or an operator's {@code docker exec}. */
public enum Origin {
    /** The container's own processes: learned and judged by its profile. */
    CONTAINER,
    /** The image's HEALTHCHECK and what it starts: learned apart, as health checks. */
    HEALTHCHECK,
    /** An operator's {@code docker exec}: never learned, judged by the explicit rules and the exec setting. */
    OPERATOR
}
