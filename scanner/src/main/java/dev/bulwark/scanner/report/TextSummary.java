package dev.bulwark.scanner.report;

import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text pieces the table and JUnit reports share: a finding's details, the summary and the advice. */
final class TextSummary {

    private TextSummary() {
    }

    /** What a finding is, where it is, and what to do, one fact a line, unwrapped. */
    static List<String> details(ReportFacts facts, Match match) {
        Finding finding = match.finding();
        List<String> lines = new ArrayList<>();
        if (!match.title().isEmpty()) {
            lines.add(match.title());
        }
        lines.add("severity " + finding.severity().word()
                + (match.severitySource().isEmpty() ? "" : " (from " + match.severitySource() + ")")
                + finding.cvssScore().stream().mapToObj(score -> ", CVSS " + score).collect(Collectors.joining())
                + (match.dataSource().isEmpty() ? "" : ", source " + match.dataSource()));
        if (!finding.aliases().isEmpty()) {
            lines.add("aliases " + String.join(", ", finding.aliases().stream().sorted().toList()));
        }
        lines.add(match.pkg().purl().toString());
        lines.add(match.pkg().path().isEmpty() ? "path unknown" : match.pkg().path());
        if (!match.pkg().layer().isEmpty()) {
            lines.add("layer " + match.pkg().layer());
        }
        lines.add(facts.remedy(match));
        match.references().stream().findFirst().ifPresent(lines::add);
        return lines;
    }

    /** {@code 5 findings: 1 critical, 2 high, …; 2 suppressed; verdict FAIL at stage production (policy p)}. */
    static String summaryLine(ReportFacts facts) {
        int total = facts.matches().size();
        String counts = facts.counts().entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().word()).collect(Collectors.joining(", "));
        return total + (total == 1 ? " finding: " : " findings: ") + counts + "; " + facts.suppressed().size()
                + " suppressed; verdict " + facts.verdictLine();
    }

    /** The remediation advice: one line per upgrade, whether they reach a pass, then what no upgrade fixes. */
    static List<String> remediationLines(Remediation remediation) {
        List<String> lines = new ArrayList<>();
        for (Upgrade upgrade : remediation.upgrades()) {
            lines.add("upgrade " + upgrade.pkg().name() + " " + upgrade.pkg().version() + " -> " + upgrade.toVersion()
                    + " (" + upgrade.pkg().path() + "), fixes " + String.join(", ", upgrade.fixes()));
        }
        if (remediation.upgrades().isEmpty() && remediation.unfixable().isEmpty()) {
            lines.add("nothing to upgrade");
        } else {
            lines.add(remediation.reachesPass() ? "these upgrades turn the verdict to pass"
                    : "these upgrades alone do not turn the verdict to pass");
        }
        remediation.unfixable().forEach(problem -> lines.add("no upgrade fixes: " + problem));
        return lines;
    }

    /** Everything but the findings, for a CI log: summary, remediation, expired exceptions, database, gaps. */
    static String advice(ReportFacts facts) {
        List<String> lines = new ArrayList<>();
        lines.add(summaryLine(facts));
        lines.add("");
        lines.add("Remediation:");
        remediationLines(facts.report().remediation()).forEach(line -> lines.add("  " + line));
        if (!facts.expiredExceptions().isEmpty()) {
            lines.add("Expired exceptions (they no longer suppress anything):");
            facts.expiredExceptions().forEach(exception -> lines.add("  " + ReportFacts.expiredLine(exception)));
        }
        facts.report().database().ifPresent(database -> lines.add("Database: " + ReportFacts.databaseLine(database)));
        List<AnalyzerFailure> failures = facts.report().image().inventory().failures();
        if (!failures.isEmpty()) {
            lines.add("Not analysed:");
            failures.forEach(failure -> lines.add("  " + notAnalysedLine(failure)));
        }
        return String.join("\n", lines);
    }

    /** {@code path: reason [analyzer]}. */
    static String notAnalysedLine(AnalyzerFailure failure) {
        return failure.path() + ": " + failure.reason() + " [" + failure.analyzer() + "]";
    }
}
