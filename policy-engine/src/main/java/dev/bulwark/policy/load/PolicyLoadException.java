package dev.bulwark.policy.load;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be used, with every problem found, each at its line and column. */
public final class PolicyLoadException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a policy load error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public PolicyLoadException(PolicyProblem problem) {
        this(List.of(problem));
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
