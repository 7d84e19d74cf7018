package dev.bulwark.notify.jira;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.ticket.TicketFingerprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a gate outcome into a {@link TicketPlan}, without talking to Jira.
 *
 * <ul>
 *   <li>Per vulnerability: one ticket per blocking vulnerability of the image repository (several packages with the
 *       same vulnerability share it); an open one is commented on; open tickets of the repository whose
 *       vulnerability the outcome no longer lists at all (blocking or not) are resolved.
 *   <li>Per build: one ticket for the build when anything blocks; re-syncing the same build leaves it unchanged;
 *       open tickets of earlier builds of the repository at the same stage are resolved, so at most one stays open.
 * </ul>
 */
final class TicketPlanner {

    private static final Comparator<FindingAdvice> WORST_FIRST = Comparator
            .comparing((FindingAdvice a) -> a.finding().severity()).reversed()
            .thenComparing(a -> a.finding().vulnerabilityId());

    private TicketPlanner() {
    }

    static TicketPlan plan(JiraSettings settings, GateOutcome outcome) {
        return switch (settings.grouping()) {
            case PER_VULNERABILITY -> perVulnerability(settings, outcome);
            case PER_BUILD -> perBuild(settings, outcome);
        };
    }

    private static TicketPlan perVulnerability(JiraSettings settings, GateOutcome outcome) {
        String repoLabel = JiraLabels.repository(outcome.imageRepository());
        Map<TicketFingerprint, List<FindingAdvice>> byVulnerability = blocking(outcome).stream()
                .collect(Collectors.groupingBy(a -> fingerprint(outcome, a), LinkedHashMap::new, Collectors.toList()));
        List<TicketPlan.Wanted> wanted = new ArrayList<>();
        byVulnerability.forEach((fingerprint, advice) -> wanted.add(new TicketPlan.Wanted(fingerprint,
                new NewTicket(settings.projectKey(), settings.issueType(),
                        TicketContent.vulnerabilitySummary(outcome, advice),
                        TicketContent.vulnerabilityDescription(outcome, advice, fingerprint.label()),
                        labels(settings, repoLabel, fingerprint)),
                Optional.of(TicketContent.seenAgain(outcome)))));
        Set<TicketFingerprint> stillFound = outcome.findings().stream()
                .map(a -> fingerprint(outcome, a)).collect(Collectors.toSet());
        return new TicketPlan(wanted, repoLabel, stillFound, TicketContent.noLongerFound(outcome));
    }

    private static TicketPlan perBuild(JiraSettings settings, GateOutcome outcome) {
        String stageLabel = JiraLabels.stage(outcome.imageRepository(), outcome.stage());
        List<FindingAdvice> blocking = blocking(outcome);
        if (blocking.isEmpty()) {
            return new TicketPlan(List.of(), stageLabel, Set.of(), TicketContent.replacedByLaterBuild(outcome));
        }
        TicketFingerprint fingerprint = JiraLabels.build(outcome);
        TicketPlan.Wanted ticket = new TicketPlan.Wanted(fingerprint,
                new NewTicket(settings.projectKey(), settings.issueType(), TicketContent.buildSummary(outcome, blocking),
                        TicketContent.buildDescription(outcome, blocking, fingerprint.label()),
                        labels(settings, stageLabel, fingerprint)),
                Optional.empty());
        return new TicketPlan(List.of(ticket), stageLabel, Set.of(fingerprint), TicketContent.replacedByLaterBuild(outcome));
    }

    private static List<FindingAdvice> blocking(GateOutcome outcome) {
        return outcome.findings().stream().filter(FindingAdvice::blocking).sorted(WORST_FIRST).toList();
    }

    private static TicketFingerprint fingerprint(GateOutcome outcome, FindingAdvice advice) {
        return TicketFingerprint.of(outcome.imageRepository(), advice.finding().vulnerabilityId());
    }

    private static List<String> labels(JiraSettings settings, String scopeLabel, TicketFingerprint fingerprint) {
        Set<String> labels = new LinkedHashSet<>(List.of(JiraLabels.BULWARK, scopeLabel, fingerprint.label()));
        labels.addAll(settings.labels());
        return List.copyOf(labels);
    }
}
