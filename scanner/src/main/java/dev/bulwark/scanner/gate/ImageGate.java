package dev.bulwark.scanner.gate;

import dev.bulwark.policy.gate.GateEvaluator;
import dev.bulwark.policy.gate.GateInput;
import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Suppression;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.scanner.report.Remediation;
import dev.bulwark.scanner.report.ScanReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a scanned image and its findings: suppression (exceptions, VEX), the stage's verdict, a stale
 * database (which fails the gate unless overridden), and the remediation advice. Everything it decides goes
 * into the {@link ScanReport}.
 */
public final class ImageGate {

    private final Clock clock;
    private final String bulwarkVersion;

    public ImageGate(Clock clock, String bulwarkVersion) {
        this.clock = clock;
        this.bulwarkVersion = bulwarkVersion;
    }

    /**
     * What to judge against.
     *
     * @param policy the policy and stage, if the image is to be judged
     * @param vex    VEX statements that apply
     */
    public record Request(Optional<PolicyStage> policy, List<VexStatement> vex) {
        public Request {
            Objects.requireNonNull(policy, "policy");
            vex = List.copyOf(vex);
        }
    }

    /** A policy and the stage of it to judge at. */
    public record PolicyStage(Policy policy, String stage) {
    }

    public ScanReport judge(ScannedImage image, List<Match> matches, Optional<DatabaseSummary> database, Request request) {
        List<Finding> findings = matches.stream().map(Match::finding).toList();
        List<Package> packages = image.inventory().packages();
        GateInput input = new GateInput(ImageFactsReader.of(image), packages.stream().map(Package::installed).toList(),
                findings, request.vex());
        if (request.policy().isEmpty()) {
            Verdict verdict = Verdict.of(new Judgement("none", staleReason(database), List.of(), List.of()));
            Remediation remediation = RemediationPlanner.plan(matches, List.of(), false, removed -> true);
            return report(image, matches, List.of(), database.isPresent() && database.get().stale() && !database.get().staleOverridden()
                    ? Optional.of(verdict) : Optional.empty(), Optional.empty(), remediation, database);
        }
        PolicyStage target = request.policy().get();
        GateEvaluator evaluator = new GateEvaluator(target.policy(), clock);
        Judgement judged = evaluator.evaluate(target.stage(), input).judgement();
        List<Reason> reasons = new ArrayList<>(judged.reasons());
        reasons.addAll(staleReason(database));
        Verdict verdict = Verdict.of(new Judgement(judged.stage(), reasons, judged.suppressed(), judged.expiredExceptions()));
        Remediation remediation = RemediationPlanner.plan(counted(matches, judged.suppressed()), reasons, true,
                removed -> evaluator.evaluate(target.stage(), without(input, removed))
                        .match(pass -> true, warn -> false, fail -> false));
        return report(image, counted(matches, judged.suppressed()), suppressed(matches, judged.suppressed()), Optional.of(verdict),
                Optional.of(target.policy().metadata().name()), remediation, database);
    }

    private ScanReport report(ScannedImage image, List<Match> counted, List<ScanReport.SuppressedMatch> suppressed,
                              Optional<Verdict> verdict, Optional<String> policyName, Remediation remediation,
                              Optional<DatabaseSummary> database) {
        return new ScanReport(bulwarkVersion, clock.instant(), image, counted, suppressed, verdict, policyName, remediation, database);
    }

    private static List<Reason> staleReason(Optional<DatabaseSummary> database) {
        if (database.isEmpty() || !database.get().stale() || database.get().staleOverridden()) {
            return List.of();
        }
        return List.of(new Reason("database.maxAgeHours", Action.FAIL, "vulnerability database",
                "was built at " + database.get().builtAt() + ", longer ago than the policy allows: run bulwark db update,"
                        + " or allow a stale database for this run to accept it"));
    }

    private static GateInput without(GateInput input, Set<Finding> removed) {
        return new GateInput(input.image(), input.packages(),
                input.findings().stream().filter(finding -> !removed.contains(finding)).toList(), input.vex());
    }

    private static List<Match> counted(List<Match> matches, List<Suppression> suppressions) {
        return matches.stream().filter(match -> suppressions.stream().noneMatch(s -> s.finding().equals(match.finding()))).toList();
    }

    private static List<ScanReport.SuppressedMatch> suppressed(List<Match> matches, List<Suppression> suppressions) {
        List<ScanReport.SuppressedMatch> result = new ArrayList<>();
        for (Suppression suppression : suppressions) {
            matches.stream().filter(match -> match.finding().equals(suppression.finding())).findFirst()
                    .ifPresent(match -> result.add(new ScanReport.SuppressedMatch(match, suppression.by(), suppression.detail())));
        }
        return result;
    }
}
