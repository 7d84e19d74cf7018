package dev.bulwark.policy.gate;

import dev.bulwark.policy.model.Action;
import java.util.Comparator;
import java.util.Objects;

/**
 * Why a verdict is what it is: a rule, what it does, what broke it, and in words why.
 *
 * @param rule    the rule, as the policy names it ({@code severity}, {@code image.runAsRoot}, …)
 * @param action  fail or warn
 * @param subject what broke the rule: a finding ({@code CVE-… in pkg:…}), a package, or the image
 * @param why     a sentence for people, with what to do where Bulwark knows it
 */
public record Reason(String rule, Action action, String subject, String why) {

    /** Failures first, then by rule and subject: the same input always reads the same. */
    public static final Comparator<Reason> ORDER = Comparator.comparing(Reason::action)
            .thenComparing(Reason::rule).thenComparing(Reason::subject).thenComparing(Reason::why);

    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(why, "why");
    }
}
