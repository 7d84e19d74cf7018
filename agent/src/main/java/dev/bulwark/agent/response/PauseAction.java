package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;
import java.util.Objects;

/** Freezes every process of the container (the cgroup freezer); {@link Release} thaws it. */
public final class PauseAction implements ResponseAction {

    private final DockerClient docker;

    public PauseAction(DockerClient docker) {
        this.docker = Objects.requireNonNull(docker, "docker");
    }

    @Override
    public Response kind() {
        return Response.PAUSE;
    }

    @Override
    public ActionOutcome apply(ContainerInfo container) {
        return DockerCalls.attempt("pause", container, () -> {
            docker.pauseContainerCmd(container.id()).exec();
            return "paused";
        });
    }
}
