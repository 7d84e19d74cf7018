package dev.bulwark.gate;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.report.Upgrade;
import dev.bulwark.scanner.model.ImageRef;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.bulwark.scanner.model.Package;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A scan report as the feedback loop tells it: the findings, which of them block, and what to upgrade. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * The outcome of a judged report, for Jira and Slack.
     *
     * @param buildUrl the CI build, linked from tickets and messages
     */
    public static GateOutcome of(ScanReport report, Optional<URI> buildUrl) {
        String name = report.image().image().name();
        String repository = repository(name);
        Set<String> blocking = report.verdict().map(v -> v.judgement().reasons().stream()
                .filter(reason -> reason.action() == Action.FAIL).map(Reason::subject).collect(Collectors.toSet())).orElse(Set.of());
        Map<Package, Upgrade> upgrades = new HashMap<>();
        report.remediation().upgrades().forEach(upgrade -> upgrades.putIfAbsent(upgrade.pkg(), upgrade));
        List<FindingAdvice> findings = report.matches().stream()
                .map(match -> new FindingAdvice(match.finding(), match.title(), advice(match, Optional.ofNullable(upgrades.get(match.pkg()))),
                        !blocking.isEmpty() && blocking.contains(match.finding().subject()), match.references()))
                .toList();
        return new GateOutcome(repository, name, report.image().image().id(), report.verdict().orElseThrow().judgement().stage(),
                report.policyName().orElse(""), report.verdict().orElseThrow(), findings, buildUrl, report.createdAt());
    }

    /** The repository of an image reference, without tag or digest; the name itself when it is not a reference. */
    public static String repository(String name) {
        try {
            ImageRef ref = ImageRef.parse(name);
            return ref.name();
        } catch (IllegalArgumentException notAReference) {
            return name;
        }
    }

    private static String advice(Match match, Optional<Upgrade> upgrade) {
        if (upgrade.isPresent()) {
            return "Upgrade " + match.pkg().name() + " from " + match.pkg().version() + " to " + upgrade.get().toVersion();
        }
        return match.finding().isFixable()
                ? "Upgrade " + match.pkg().name() + " from " + match.pkg().version() + " to " + match.finding().fixedVersion()
                : "No fixed version of " + match.pkg().name() + " yet: remove it, or accept the risk with an exception";
    }
}
