package dev.bulwark.scanner.report;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every format reads off a report the same way: the order of findings, which of them the verdict rests on,
 * the reasons about the image rather than a finding, counts by severity, and the advice for each finding.
 */
final class ReportFacts {

    /** The severities, worst first: the order of every summary and chart. */
    static final List<Severity> WORST_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
            Severity.UNKNOWN);

    /** Most severe first, then highest score, then by ID, package and path, so the same report reads the same. */
    static final Comparator<Match> MOST_SEVERE_FIRST = Comparator
            .comparing((Match m) -> m.finding().severity(), Comparator.reverseOrder())
            .thenComparing(m -> m.finding().cvssScore().orElse(-1.0), Comparator.reverseOrder())
            .thenComparing(m -> m.finding().vulnerabilityId())
            .thenComparing(m -> m.pkg().purl().toString())
            .thenComparing(m -> m.pkg().path());

    private final ScanReport report;
    private final List<Match> matches;
    private final List<SuppressedMatch> suppressed;
    private final List<Reason> reasons;
    private final Set<String> findingSubjects;
    private final Set<Match> counted;

    private ReportFacts(ScanReport report) {
        this.report = report;
        this.matches = report.matches().stream().sorted(MOST_SEVERE_FIRST).toList();
        this.suppressed = report.suppressed().stream()
                .sorted(Comparator.comparing(SuppressedMatch::match, MOST_SEVERE_FIRST)).toList();
        this.reasons = report.verdict().map(verdict -> verdict.judgement().reasons()).orElse(List.of());
        this.findingSubjects = matches.stream().map(m -> m.finding().subject()).collect(Collectors.toSet());
        this.counted = Set.copyOf(matches);
    }

    static ReportFacts of(ScanReport report) {
        return new ReportFacts(report);
    }

    ScanReport report() {
        return report;
    }

    /** The counted findings, most severe first. */
    List<Match> matches() {
        return matches;
    }

    /** The suppressed findings, most severe first. */
    List<SuppressedMatch> suppressed() {
        return suppressed;
    }

    /** Every reason of the verdict, failures first; empty without a verdict. */
    List<Reason> reasons() {
        return reasons;
    }

    /** The reasons that name the finding; none for a suppressed finding, which the gate did not judge. */
    List<Reason> reasonsAbout(Match match) {
        if (!counted.contains(match)) {
            return List.of();
        }
        String subject = match.finding().subject();
        return reasons.stream().filter(reason -> reason.subject().equals(subject)).toList();
    }

    /** Fail when a failing reason names the finding, warn when only warning ones do, empty when none does. */
    Optional<Action> gate(Match match) {
        return reasonsAbout(match).stream().map(Reason::action).min(Comparator.naturalOrder());
    }

    /** The reasons about something other than a counted finding: the image, a denied or unlisted package. */
    List<Reason> otherReasons() {
        return reasons.stream().filter(reason -> !findingSubjects.contains(reason.subject())).toList();
    }

    /** Exceptions for the judged stage that have expired and no longer suppress anything. */
    List<ExceptionRule> expiredExceptions() {
        return report.verdict().map(verdict -> verdict.judgement().expiredExceptions()).orElse(List.of());
    }

    /** How many counted findings have each severity, worst first, every severity present. */
    Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        WORST_FIRST.forEach(severity -> counts.put(severity, 0));
        matches.forEach(match -> counts.merge(match.finding().severity(), 1, Integer::sum));
        return counts;
    }

    /** The upgrade of the remediation advice that removes the finding, if one does. */
    Optional<Upgrade> upgradeFor(Match match) {
        Finding finding = match.finding();
        return report.remediation().upgrades().stream()
                .filter(upgrade -> upgrade.pkg().purl().equals(match.pkg().purl())
                        && upgrade.pkg().path().equals(match.pkg().path()))
                .filter(upgrade -> upgrade.fixes().stream().anyMatch(finding::isKnownAs))
                .findFirst();
    }

    /** What to do about the finding, in one sentence. */
    String remedy(Match match) {
        Optional<Upgrade> upgrade = upgradeFor(match);
        if (upgrade.isPresent()) {
            return "Upgrade " + upgrade.get().pkg().name() + " from " + upgrade.get().pkg().version() + " to "
                    + upgrade.get().toVersion() + ".";
        }
        if (match.finding().isFixable()) {
            return "Fixed in " + match.finding().fixedVersion() + ": upgrade " + match.pkg().name() + " to it or later.";
        }
        return "No fixed version yet.";
    }

    /** {@code FAIL at stage production (policy strict)}, or that no policy was given. */
    String verdictLine() {
        return report.verdict().map(this::verdictLine).orElse("no policy given: no verdict");
    }

    private String verdictLine(Verdict verdict) {
        return verdict.word().toUpperCase(java.util.Locale.ROOT) + " at stage " + verdict.judgement().stage()
                + report.policyName().map(name -> " (policy " + name + ")").orElse("");
    }

    /** {@code openssl 3.0.11-1}. */
    static String nameAndVersion(Package pkg) {
        return pkg.version().isEmpty() ? pkg.name() : pkg.name() + " " + pkg.version();
    }

    /** A line about the database: when built, from what, and whether it was stale. */
    static String databaseLine(DatabaseSummary database) {
        String line = "built " + database.builtAt() + database.newestModified().map(t -> ", newest record " + t).orElse("")
                + ", " + database.advisories() + " advisories from " + String.join(", ", database.sources());
        if (database.stale()) {
            line += database.staleOverridden() ? "; STALE, used because the check was overridden"
                    : "; STALE: older than the policy allows";
        }
        return line;
    }

    /** An expired exception, for people: what it covered, its owner and expiry, and its reason. */
    static String expiredLine(ExceptionRule exception) {
        return exception.label() + ": " + exception.reason();
    }

    /** Whether the text is an absolute http(s) URL with a host: the only links reports make clickable. */
    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
