package dev.bulwark.policy.gate;

import dev.bulwark.policy.gate.check.CheckContext;
import dev.bulwark.policy.gate.check.GateCheck;
import dev.bulwark.policy.gate.check.GateChecks;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.model.Stage;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.policy.vuln.Finding;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges an image at a stage of a policy. VEX statements and active exceptions take findings out first;
 * then every rule kind of the stage's effective rules is checked. Errors are thrown, never turned into
 * a pass: the gate fails closed.
 */
public final class GateEvaluator {

    private final Policy policy;
    private final Clock clock;
    private final List<GateCheck> checks;

    public GateEvaluator(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checks = GateChecks.all();
    }

    /**
     * The verdict for the input at the named stage.
     *
     * @throws Policy.UnknownStageException when the policy has no such stage
     */
    public Verdict evaluate(String stageName, GateInput input) {
        Stage stage = policy.stage(stageName);
        Instant now = clock.instant();
        List<Finding> counted = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        for (Finding finding : input.findings()) {
            Optional<Suppression> suppression = suppression(finding, stageName, input.vex(), now);
            suppression.ifPresentOrElse(suppressed::add, () -> counted.add(finding));
        }
        CheckContext context = new CheckContext(counted, input.packages(), input.image(), now);
        List<Reason> reasons = new ArrayList<>();
        for (GateCheck check : checks) {
            reasons.addAll(check.check(stage.gate(), context));
        }
        List<ExceptionRule> expired = policy.exceptions().stream()
                .filter(exception -> exception.appliesIn(stageName) && exception.isExpiredAt(now))
                .toList();
        return Verdict.of(new Judgement(stageName, reasons, suppressed, expired));
    }

    private Optional<Suppression> suppression(Finding finding, String stage, List<VexStatement> vex, Instant now) {
        for (VexStatement statement : vex) {
            if (statement.suppresses() && statement.isAbout(finding)) {
                return Optional.of(new Suppression(finding, "vex", statement.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (statement.justification().isEmpty() ? "" : " (" + statement.justification() + ")")
                        + (statement.source().isEmpty() ? "" : " from " + statement.source())));
            }
        }
        for (ExceptionRule exception : policy.exceptions()) {
            if (exception.appliesIn(stage) && !exception.isExpiredAt(now) && exception.covers(finding)) {
                return Optional.of(new Suppression(finding, "exception", exception.label() + ": " + exception.reason()));
            }
        }
        return Optional.empty();
    }
}
