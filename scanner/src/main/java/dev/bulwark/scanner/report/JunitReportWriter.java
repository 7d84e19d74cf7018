package dev.bulwark.scanner.report;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JUnit XML as Jenkins' junit step (and most CI servers) read it: one {@code <testsuite>} for the image, one
 * {@code <testcase>} per finding (class name the package's purl, name the vulnerability ID). As in the JUnit
 * reports of Trivy and Grype, every unsuppressed finding is a {@code <failure>}, so that a reader that counts
 * failures (warnings-ng's JUnit parser) records each one; its {@code type} says what the gate made of it: the
 * failing rules, {@code warn:} and the warning rules, or {@code finding} when no rule names it. A suppressed finding
 * is {@code <skipped>} with what suppressed it. Each policy reason about the image or a package (not a finding) is a
 * failing case of class {@code bulwark.policy} (type the rule, or {@code warn:} and the rule), and each file that
 * could not be analysed a skipped case of class {@code bulwark.not-analysed}. The build's result is the verdict's
 * (the exit code), not the failure count: Bulwark's Jenkins steps record this report without marking the build.
 * The verdict, database and expired exceptions are suite properties; the remediation advice is the suite's
 * standard output.
 */
final class JunitReportWriter implements ReportWriter {

    static final String POLICY_CLASS = "bulwark.policy";
    static final String NOT_ANALYSED_CLASS = "bulwark.not-analysed";
    /** The JUnit schema's timestamp: ISO 8601 without a zone; Bulwark's is UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        List<Reason> policyReasons = facts.otherReasons();
        List<AnalyzerFailure> failures = report.image().inventory().failures();
        int tests = facts.matches().size() + facts.suppressed().size() + policyReasons.size() + failures.size();
        int failed = facts.matches().size() + policyReasons.size();
        int skipped = facts.suppressed().size() + failures.size();
        String[] counts = {"tests", String.valueOf(tests), "failures", String.valueOf(failed), "errors", "0",
                "skipped", String.valueOf(skipped), "time", "0"};
        XmlOut xml = new XmlOut().start("testsuites", with(counts, "name", "bulwark"));
        xml.start("testsuite", with(counts, "name", report.image().image().name(), "timestamp",
                TIMESTAMP.format(report.createdAt())));
        properties(xml, facts);
        facts.matches().forEach(match -> finding(xml, facts, match));
        facts.suppressed().forEach(entry -> suppressed(xml, facts, entry));
        policyReasons.forEach(reason -> policyReason(xml, reason));
        for (AnalyzerFailure failure : failures) {
            xml.start("testcase", "classname", NOT_ANALYSED_CLASS, "name", failure.path(), "time", "0")
                    .empty("skipped", "message", "not analysed by " + failure.analyzer() + ": " + failure.reason()).end();
        }
        xml.element("system-out", TextSummary.advice(facts));
        return xml.end().end().document();
    }

    private static void properties(XmlOut xml, ReportFacts facts) {
        ScanReport report = facts.report();
        xml.start("properties");
        property(xml, "bulwark.version", report.bulwarkVersion());
        property(xml, "image.id", report.image().image().id());
        report.image().inventory().os().ifPresent(os -> property(xml, "image.os", os.prettyName()));
        property(xml, "verdict", facts.verdictLine());
        report.verdict().ifPresent(verdict -> property(xml, "verdict.result", verdict.word()));
        report.database().ifPresent(database -> property(xml, "database", ReportFacts.databaseLine(database)));
        facts.expiredExceptions().forEach(exception -> property(xml, "expiredException", ReportFacts.expiredLine(exception)));
        property(xml, "remediation.reachesPass", String.valueOf(report.remediation().reachesPass()));
        xml.end();
    }

    private static void property(XmlOut xml, String name, String value) {
        xml.empty("property", "name", name, "value", value);
    }

    private static void finding(XmlOut xml, ReportFacts facts, Match match) {
        xml.start("testcase", "classname", match.pkg().purl().toString(), "name", match.finding().vulnerabilityId(),
                "time", "0");
        List<Reason> reasons = facts.reasonsAbout(match);
        List<Reason> failing = reasons.stream().filter(reason -> reason.action() == Action.FAIL).toList();
        String details = String.join("\n", TextSummary.details(facts, match));
        if (!failing.isEmpty()) {
            // Jenkins keeps one failure per case, so every failing reason goes into the one element.
            xml.element("failure", details, "message", failing.stream().map(Reason::why).collect(Collectors.joining("; ")),
                    "type", failing.stream().map(Reason::rule).distinct().collect(Collectors.joining(",")));
        } else if (!reasons.isEmpty()) {
            xml.element("failure", details, "message", "warns: " + reasons.stream().map(Reason::why).collect(Collectors.joining("; ")),
                    "type", "warn:" + reasons.stream().map(Reason::rule).distinct().collect(Collectors.joining(",")));
        } else {
            xml.element("failure", details, "message", "no rule of the stage fails or warns on it", "type", "finding");
        }
        xml.end();
    }

    private static void suppressed(XmlOut xml, ReportFacts facts, SuppressedMatch entry) {
        Match match = entry.match();
        xml.start("testcase", "classname", match.pkg().purl().toString(), "name", match.finding().vulnerabilityId(),
                "time", "0");
        xml.empty("skipped", "message", "suppressed by " + entry.by() + ": " + entry.reason());
        xml.element("system-out", String.join("\n", TextSummary.details(facts, match)));
        xml.end();
    }

    private static void policyReason(XmlOut xml, Reason reason) {
        xml.start("testcase", "classname", POLICY_CLASS, "name", reason.rule() + ": " + reason.subject(), "time", "0");
        String type = reason.action() == Action.FAIL ? reason.rule() : "warn:" + reason.rule();
        xml.element("failure", reason.why(), "message", reason.why(), "type", type);
        xml.end();
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[more.length + first.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(first, 0, all, more.length, first.length);
        return all;
    }
}
