package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.bulwark.agent.docker.ContainerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undoes the reversible responses: unpauses a paused container and reconnects a quarantined one to the
 * networks the {@link QuarantineLedger} remembers. Stopped and killed containers are restarted by their
 * owner, not by the agent.
 */
public final class Release {

    private final DockerClient docker;
    private final QuarantineLedger ledger;

    public Release(DockerClient docker, QuarantineLedger ledger) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    public ActionOutcome release(String containerId) {
        ContainerInfo container;
        try {
            container = ContainerInfo.of(docker.inspectContainerCmd(containerId).exec());
        } catch (NotFoundException e) {
            ledger.clear(containerId);
            return new ActionOutcome.Failed("there is no container " + containerId + " to release: docker ps -a"
                    + " lists the containers; a quarantine entry for a removed container is dropped");
        }
        List<String> networks = ledger.networks(container.id());
        if (!container.paused() && networks.isEmpty()) {
            return new ActionOutcome.Failed("nothing to release: container " + container.name() + " ("
                    + container.shortId() + ") is neither paused nor quarantined");
        }
        List<String> done = new ArrayList<>();
        try {
            if (container.paused()) {
                docker.unpauseContainerCmd(container.id()).exec();
                done.add("unpaused");
            }
            for (String network : networks) {
                if (!container.networks().contains(network)) {
                    docker.connectToNetworkCmd().withContainerId(container.id()).withNetworkId(network).exec();
                }
            }
        } catch (DockerException e) {
            return DockerCalls.failed("release (after " + (done.isEmpty() ? "nothing" : String.join(", ", done))
                    + ")", container.id(), container.name(), e);
        }
        ledger.clear(container.id());
        if (!networks.isEmpty()) {
            done.add("reconnected to " + String.join(", ", networks));
        }
        return new ActionOutcome.Done(String.join("; ", done));
    }
}
