package dev.bulwark.agent.response;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;

/** Leaves the container alone: the alert itself is sent by the notifier that reports the decision. */
public final class AlertAction implements ResponseAction {

    @Override
    public Response kind() {
        return Response.ALERT;
    }

    @Override
    public ActionOutcome apply(ContainerInfo container) {
        return new ActionOutcome.Done("alerted");
    }
}
