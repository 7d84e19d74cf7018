package dev.bulwark.policy.runtime;

import java.util.Objects;

/**
 * What the agent makes of one observation: let it be, alert on it, or respond to it. Consume it with an
 * exhaustive {@code instanceof} chain (or switch, once the build moves past Java 17).
 */
public sealed interface Decision permits Decision.Allow, Decision.Alert, Decision.Block {

    /** The decision that lets everything be. */
    Allow ALLOW = new Allow();

    /**
     * Whether this decision asks for more than {@code other}: a block outranks an alert, and an alert outranks
     * letting it be. Where several judges speak of one observation, the one that outranks the others wins.
     *
     * @param other the decision to compare with
     * @return true when this one is strictly stronger
     */
    default boolean outranks(Decision other) {
        return weight(this) > weight(other);
    }

    private static int weight(Decision decision) {
        if (decision instanceof Block) {
            return 2;
        }
        return decision instanceof Alert ? 1 : 0;
    }

    /** Nothing to do: no rule was broken, or the mode records only. */
    record Allow() implements Decision {
    }

    /**
     * Record and notify; the container runs on.
     *
     * @param rule the rule that was broken
     * @param why  what happened, in words an operator can act on
     */
    record Alert(RuntimeRule rule, String why) implements Decision {
        public Alert {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Respond to the container.
     *
     * @param rule      the rule that was broken
     * @param why       what happened, in words an operator can act on
     * @param requested the response the policy asks for; climbing the ladder on repeat offences is the
     *                  responder's job
     */
    record Block(RuntimeRule rule, String why, Response requested) implements Decision {
        public Block {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(requested, "requested");
        }
    }
}
