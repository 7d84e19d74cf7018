package dev.bulwark.policy.gate;

import dev.bulwark.policy.model.Action;
import java.util.function.Function;

/**
 * The gate's answer for one image at one stage. Consume it with an exhaustive {@code switch}:
 * {@link Pass} and {@link Warn} let the image through, {@link Fail} stops it.
 */
public sealed interface Verdict permits Verdict.Pass, Verdict.Warn, Verdict.Fail {

    /** What the verdict rests on. */
    Judgement judgement();

    /** {@code pass}, {@code warn} or {@code fail}. */
    String word();

    /** Whether the image may move on to the next stage. */
    boolean allowsPromotion();

    /**
     * The value of the function for this verdict's kind, so that a new kind does not compile until every consumer
     * handles it.
     *
     * @param pass for a {@link Pass}
     * @param warn for a {@link Warn}
     * @param fail for a {@link Fail}
     * @param <R>  what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Pass, R> pass, Function<Warn, R> warn, Function<Fail, R> fail);

    /** No rule broken. */
    record Pass(Judgement judgement) implements Verdict {
        @Override
        public <R> R match(Function<Pass, R> pass, Function<Warn, R> warn, Function<Fail, R> fail) {
            return pass.apply(this);
        }

        @Override
        public String word() {
            return "pass";
        }

        @Override
        public boolean allowsPromotion() {
            return true;
        }
    }

    /** Only warning rules broken: the image goes through, and people are told. */
    record Warn(Judgement judgement) implements Verdict {
        @Override
        public <R> R match(Function<Pass, R> pass, Function<Warn, R> warn, Function<Fail, R> fail) {
            return warn.apply(this);
        }

        @Override
        public String word() {
            return "warn";
        }

        @Override
        public boolean allowsPromotion() {
            return true;
        }
    }

    /** A failing rule broken: the build stops and the image is not promoted. */
    record Fail(Judgement judgement) implements Verdict {
        @Override
        public <R> R match(Function<Pass, R> pass, Function<Warn, R> warn, Function<Fail, R> fail) {
            return fail.apply(this);
        }

        @Override
        public String word() {
            return "fail";
        }

        @Override
        public boolean allowsPromotion() {
            return false;
        }
    }

    /** The verdict the reasons call for: any failure fails, else any warning warns, else pass. */
    static Verdict of(Judgement judgement) {
        if (judgement.reasons().stream().anyMatch(reason -> reason.action() == Action.FAIL)) {
            return new Fail(judgement);
        }
        if (!judgement.reasons().isEmpty()) {
            return new Warn(judgement);
        }
        return new Pass(judgement);
    }
}
