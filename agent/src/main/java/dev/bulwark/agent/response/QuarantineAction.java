package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the container off the network by disconnecting it from every network it is on; the processes run
 * on, so they can still be examined. The networks are written to the {@link QuarantineLedger} before the
 * first disconnect, so {@link Release} can reconnect them even if the agent dies half-way.
 */
public final class QuarantineAction implements ResponseAction {

    private final DockerClient docker;
    private final QuarantineLedger ledger;

    public QuarantineAction(DockerClient docker, QuarantineLedger ledger) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Response kind() {
        return Response.QUARANTINE;
    }

    @Override
    public ActionOutcome apply(ContainerInfo container) {
        // Inspect again: the view may be a moment old and a network missed here would stay connected.
        List<String> networks;
        try {
            networks = ContainerInfo.of(docker.inspectContainerCmd(container.id()).exec()).networks();
        } catch (DockerException e) {
            return DockerCalls.failed("inspect before quarantining", container.id(), container.name(), e);
        }
        if (networks.isEmpty()) {
            return new ActionOutcome.Done("already on no network");
        }
        try {
            ledger.record(container.id(), networks);
        } catch (ResponseStateException e) {
            return new ActionOutcome.Failed("did not quarantine " + container.name() + ": " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (String network : networks) {
            try {
                docker.disconnectFromNetworkCmd().withContainerId(container.id()).withNetworkId(network)
                        .withForce(true).exec();
            } catch (DockerException e) {
                failures.add(network + " (" + e.getMessage() + ")");
            }
        }
        if (!failures.isEmpty()) {
            return new ActionOutcome.Failed("could not disconnect container " + container.name() + " from "
                    + String.join(", ", failures) + ": disconnect it by hand (docker network disconnect NETWORK "
                    + container.shortId() + ") or stop it");
        }
        return new ActionOutcome.Done("disconnected from " + String.join(", ", networks));
    }
}
