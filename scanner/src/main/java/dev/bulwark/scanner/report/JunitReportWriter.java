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
 * {@code <testcase>} per finding (class name the package's purl, name the vulnerability ID). A finding a failing
 * rule names is a {@code <failure>}; a suppressed finding is {@code <skipped>} with what suppressed it; the rest
 * pass. Each failing policy reason about the image or a package (not a finding) is a failing test case of class
 * {@code bulwark.policy}, each warning one a passing case that says so, and each file that could not be analysed a
 * skipped case of class {@code bulwark.not-analysed}. The verdict, database and expired exceptions are suite
 * properties; the remediation advice is the suite's standard output.
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
        int failed = (int) (facts.matches().stream().filter(match -> isBlocking(facts, match)).count()
                + policyReasons.stream().filter(reason -> reason.action() == Action.FAIL).count());
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

    private static boolean isBlocking(ReportFacts facts, Match match) {
        return facts.gate(match).filter(action -> action == Action.FAIL).isPresent();
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
        if (failing.isEmpty()) {
            List<String> lines = new ArrayList<>(TextSummary.details(facts, match));
            reasons.forEach(reason -> lines.add("warn (" + reason.rule() + "): " + reason.why()));
            xml.element("system-out", String.join("\n", lines));
        } else {
            // Jenkins keeps one failure per case, so every failing reason goes into the one element.
            xml.element("failure", String.join("\n", TextSummary.details(facts, match)),
                    "message", failing.stream().map(Reason::why).collect(Collectors.joining("; ")),
                    "type", failing.stream().map(Reason::rule).distinct().collect(Collectors.joining(",")));
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
        if (reason.action() == Action.FAIL) {
            xml.element("failure", reason.why(), "message", reason.why(), "type", reason.rule());
        } else {
            xml.element("system-out", "warn (" + reason.rule() + "): " + reason.why());
        }
        xml.end();
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[more.length + first.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(first, 0, all, more.length, first.length);
        return all;
    }
}
