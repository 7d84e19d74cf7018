package dev.bulwark.agent.response;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.runtime.Response;

/** One response to a container that broke policy. Implementations never throw: failures are outcomes. */
public interface ResponseAction {

    Response kind();

    ActionOutcome apply(ContainerInfo container);
}
