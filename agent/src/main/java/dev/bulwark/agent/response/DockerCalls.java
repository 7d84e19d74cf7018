package dev.bulwark.agent.response;

import com.github.dockerjava.api.exception.DockerException;
import dev.bulwark.agent.docker.ContainerInfo;
import java.util.function.Supplier;

/** Turns an Engine API call into an outcome, so no response throws. */
final class DockerCalls {

    private DockerCalls() {
    }

    static ActionOutcome attempt(String what, ContainerInfo container, Supplier<String> call) {
        try {
            return new ActionOutcome.Done(call.get());
        } catch (DockerException | IllegalStateException e) {
            return failed(what, container.id(), container.name(), e);
        }
    }

    static ActionOutcome.Failed failed(String what, String id, String name, RuntimeException e) {
        return new ActionOutcome.Failed("could not " + what + " container " + name + " (" + id + "): "
                + e.getMessage() + "; check that the container still exists (docker ps -a) and that the agent"
                + " may use the Docker socket");
    }
}
