package dev.bulwark.agent.docker;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container event from the engine's {@code /events} stream.
 *
 * @param type        the event type, always {@code container} for now
 * @param action      the action as the engine wrote it; exec events carry their command
 *                    ({@code exec_start: sh -c true})
 * @param containerId the full container ID
 * @param attributes  the actor's attributes: labels, {@code name}, {@code image}, {@code execID}, {@code exitCode}, …
 * @param at          when it happened, to the nanosecond
 */
public record ContainerEvent(String type, String action, String containerId, Map<String, String> attributes, Instant at) {

    public ContainerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(containerId, "containerId");
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
        Objects.requireNonNull(at, "at");
    }

    /** The action without its argument: {@code exec_start}, {@code health_status}, {@code start}, … */
    public String verb() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    /** The command of an exec event ({@code sh -c true}), if this is one. */
    public Optional<String> command() {
        int colon = action.indexOf(':');
        return verb().startsWith("exec_") && colon >= 0 ? Optional.of(action.substring(colon + 1).strip()) : Optional.empty();
    }

    /** The exec instance of an exec event, when the engine names it. */
    public Optional<String> execId() {
        return Optional.ofNullable(attributes.get("execID"));
    }
}
