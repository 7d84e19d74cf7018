package dev.bulwark.policy.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns a raw verdict ({@link RuntimeRulesEvaluator}) into what the agent does, given the container's mode:
 *
 * <ul>
 *   <li>{@link RuntimeMode#LEARN}: allow; the agent records the behaviour and never alerts.</li>
 *   <li>{@link RuntimeMode#MONITOR}: a block becomes an alert; the container is never touched.</li>
 *   <li>{@link RuntimeMode#PROTECT}: a block stays a block, except while a sensor reports lost events: the agent
 *       does not act on a partial picture, so it alerts instead and says why.</li>
 *   <li>A container labelled off is left alone entirely: allow.</li>
 * </ul>
 *
 * The container's {@code bulwark.mode} label overrides the policy's default mode. This library does not know
 * labels; the agent passes the label's mode ({@code protect} or {@code monitor}) and whether it said {@code off}.
 */
public final class ModePolicy {

    static final String EVENTS_LOST = "not blocked because events were lost: a sensor reported a gap, and the agent"
            + " does not act on a partial picture";

    private ModePolicy() {
    }

    /**
     * The decision in the container's mode.
     *
     * @param raw         the verdict of the rules
     * @param mode        the container's mode (see {@link #effectiveMode})
     * @param eventsLost  whether a sensor has reported lost events that may bear on this container
     */
    public static Decision apply(Decision raw, RuntimeMode mode, boolean eventsLost) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(mode, "mode");
        if (mode == RuntimeMode.LEARN) {
            return Decision.ALLOW;
        }
        return raw.match(allow -> allow, alert -> alert, block -> {
            if (mode == RuntimeMode.MONITOR) {
                return new Decision.Alert(block.rule(), block.why());
            }
            return eventsLost ? new Decision.Alert(block.rule(), block.why() + " (" + EVENTS_LOST + ")") : block;
        });
    }

    /**
     * The decision for a container whose label may choose its mode.
     *
     * @param raw           the verdict of the rules
     * @param policyDefault the policy's {@link RuntimeSpec#defaultMode()}
     * @param labelled      the mode the container's label asks for, if any (protect or monitor)
     * @param off           whether the label says off: the container is left alone and everything is allowed
     * @param eventsLost    whether a sensor has reported lost events that may bear on this container
     */
    public static Decision apply(Decision raw, RuntimeMode policyDefault, Optional<RuntimeMode> labelled, boolean off,
                                 boolean eventsLost) {
        return off ? Decision.ALLOW : apply(raw, effectiveMode(policyDefault, labelled), eventsLost);
    }

    /** The container's mode: the one its label asks for, else the policy's default. */
    public static RuntimeMode effectiveMode(RuntimeMode policyDefault, Optional<RuntimeMode> labelled) {
        return labelled.orElse(Objects.requireNonNull(policyDefault, "policyDefault"));
    }
}
