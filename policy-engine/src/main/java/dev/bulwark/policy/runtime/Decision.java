package dev.bulwark.policy.runtime;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the agent makes of one observation: let it be, alert on it, or respond to it. Consume it with
 * {@link #match(Function, Function, Function)} or {@link #accept(Consumer, Consumer, Consumer)}, which take one
 * function per kind, so a new kind of decision does not compile until every consumer handles it.
 */
public sealed interface Decision permits Decision.Allow, Decision.Alert, Decision.Block {

    /** The decision that lets everything be. */
    Allow ALLOW = new Allow();

    /**
     * The value of the function for this decision's kind.
     *
     * @param allow for an {@link Allow}
     * @param alert for an {@link Alert}
     * @param block for a {@link Block}
     * @param <R>   what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Allow, R> allow, Function<Alert, R> alert, Function<Block, R> block);

    /**
     * Runs the action for this decision's kind.
     *
     * @param allow for an {@link Allow}
     * @param alert for an {@link Alert}
     * @param block for a {@link Block}
     */
    default void accept(Consumer<Allow> allow, Consumer<Alert> alert, Consumer<Block> block) {
        match(a -> run(allow, a), a -> run(alert, a), b -> run(block, b));
    }

    private static <T> Void run(Consumer<T> action, T value) {
        action.accept(value);
        return null;
    }

    /**
     * The decision's word in the audit log and metrics.
     *
     * @return {@code allow}, {@code alert} or {@code block}
     */
    default String word() {
        return match(allow -> "allow", alert -> "alert", block -> "block");
    }

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
        return decision.match(allow -> 0, alert -> 1, block -> 2);
    }

    /** Nothing to do: no rule was broken, or the mode records only. */
    record Allow() implements Decision {
        @Override
        public <R> R match(Function<Allow, R> allow, Function<Alert, R> alert, Function<Block, R> block) {
            return allow.apply(this);
        }
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

        @Override
        public <R> R match(Function<Allow, R> allow, Function<Alert, R> alert, Function<Block, R> block) {
            return alert.apply(this);
        }
    }

    /**
     * Respond to the container, as the policy's {@code responses} say.
     *
     * @param rule the rule that was broken
     * @param why  what happened, in words an operator can act on
     */
    record Block(RuntimeRule rule, String why) implements Decision {
        public Block {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public <R> R match(Function<Allow, R> allow, Function<Alert, R> alert, Function<Block, R> block) {
            return block.apply(this);
        }
    }
}
