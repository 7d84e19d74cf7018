package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;
import java.util.Objects;

/** Kills the container at once with SIGKILL. */
public final class KillAction implements ResponseAction {

    private final DockerClient docker;

    public KillAction(DockerClient docker) {
        this.docker = Objects.requireNonNull(docker, "docker");
    }

    @Override
    public Response kind() {
        return Response.KILL;
    }

    @Override
    public ActionOutcome apply(ContainerInfo container) {
        return DockerCalls.attempt("kill", container, () -> {
            docker.killContainerCmd(container.id()).withSignal("KILL").exec();
            return "killed";
        });
    }
}
