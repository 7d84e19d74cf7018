package dev.bulwark.agent.response;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.policy.runtime.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry of responses: one action per {@link Response} kind, listed explicitly. */
public final class ResponseActions {

    private final Map<Response, ResponseAction> byKind = new EnumMap<>(Response.class);

    public ResponseActions(DockerClient docker, QuarantineLedger ledger) {
        List<ResponseAction> actions = List.of(
                new AlertAction(),
                new QuarantineAction(docker, ledger),
                new PauseAction(docker),
                new StopAction(docker),
                new KillAction(docker));
        for (ResponseAction action : actions) {
            if (byKind.put(action.kind(), action) != null) {
                throw new IllegalStateException("two actions are registered for " + action.kind().word()
                        + ": keep one in ResponseActions");
            }
        }
    }

    /** The action for a response kind. */
    public ResponseAction forKind(Response kind) {
        ResponseAction action = byKind.get(kind);
        if (action == null) {
            throw new IllegalStateException("no action is registered for the response '" + kind.word()
                    + "': add one to the list in ResponseActions");
        }
        return action;
    }

    /** The kinds that have an action. */
    public Set<Response> kinds() {
        return Set.copyOf(byKind.keySet());
    }
}
