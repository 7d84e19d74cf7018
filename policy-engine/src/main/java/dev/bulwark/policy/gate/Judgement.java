package dev.bulwark.policy.gate;

import dev.bulwark.policy.model.ExceptionRule;
import java.util.List;
import java.util.Objects;

/**
 * Everything a verdict rests on, in a fixed order.
 *
 * @param stage             the stage judged
 * @param reasons           the broken rules, failures first
 * @param suppressed        the findings that did not count, with what suppressed them
 * @param expiredExceptions exceptions for this stage that have expired and no longer suppress anything
 */
public record Judgement(String stage, List<Reason> reasons, List<Suppression> suppressed, List<ExceptionRule> expiredExceptions) {

    public Judgement {
        Objects.requireNonNull(stage, "stage");
        reasons = reasons.stream().sorted(Reason.ORDER).toList();
        suppressed = suppressed.stream().sorted(Suppression.ORDER).toList();
        expiredExceptions = List.copyOf(expiredExceptions);
    }
}
