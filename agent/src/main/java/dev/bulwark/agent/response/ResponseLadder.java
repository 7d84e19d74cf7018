package dev.bulwark.agent.response;

import dev.bulwark.policy.runtime.Response;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the response to take from the policy's ladder. The decision asks for a severity; the policy's
 * ladder lists the responses its owner allows, least destructive first. The step taken is the strongest one
 * on the ladder that does not go beyond the request: with the ladder [alert, quarantine, pause], a request
 * for stop yields pause and a request for quarantine yields quarantine. When no step is at or below the
 * request (a ladder of [pause] and a request for alert), the agent alerts: alerting never harms a container.
 */
public final class ResponseLadder {

    private ResponseLadder() {
    }

    public static Response pick(List<Response> ladder, Response requested) {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(requested, "requested");
        Response chosen = Response.ALERT;
        for (Response step : ladder) {
            if (step.compareTo(requested) <= 0 && step.compareTo(chosen) > 0) {
                chosen = step;
            }
        }
        return chosen;
    }
}
