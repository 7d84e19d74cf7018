package dev.bulwark.policy.gate;

import dev.bulwark.policy.vuln.Finding;
import java.util.Comparator;
import java.util.Objects;

/**
 * A finding that does not count, and what took it out: an exception or a VEX statement.
 *
 * @param finding the finding
 * @param by      {@code exception} or {@code vex}
 * @param detail  which exception or statement, and its reason or justification
 */
public record Suppression(Finding finding, String by, String detail) {

    public static final Comparator<Suppression> ORDER = Comparator
            .comparing((Suppression s) -> s.finding().subject()).thenComparing(Suppression::by);

    public Suppression {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(detail, "detail");
    }
}
