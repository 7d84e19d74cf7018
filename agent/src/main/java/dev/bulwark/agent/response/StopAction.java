package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * Stops the container: SIGTERM (or its stop signal), then SIGKILL after a short grace period, short because
 * a compromised process should not get long to finish what it started.
 */
public final class StopAction implements ResponseAction {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    private final DockerClient docker;
    private final Duration grace;

    public StopAction(DockerClient docker) {
        this(docker, DEFAULT_GRACE);
    }

    public StopAction(DockerClient docker, Duration grace) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the stop grace period " + grace + " is negative: use 0 s or more");
        }
    }

    @Override
    public Response kind() {
        return Response.STOP;
    }

    @Override
    public ActionOutcome apply(ContainerInfo container) {
        return DockerCalls.attempt("stop", container, () -> {
            docker.stopContainerCmd(container.id()).withTimeout((int) grace.toSeconds()).exec();
            return "stopped (grace " + grace.toSeconds() + " s)";
        });
    }
}
