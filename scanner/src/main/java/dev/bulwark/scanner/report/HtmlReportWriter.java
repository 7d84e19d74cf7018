package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.Html.cell;
import static dev.bulwark.scanner.report.Html.escape;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One HTML page with its stylesheet in a file beside it ({@value #STYLESHEET}): no script, no inline style and
 * nothing from elsewhere, so that it renders fully where Jenkins serves archived files under the Content Security
 * Policy {@code style-src 'self'} (the page declares the same policy, should an escape ever be missed). The chart
 * is SVG with presentation attributes. A header with the verdict, a bar chart of the findings
 * by severity, then a section each for the policy's reasons, findings, suppressed findings, remediation, expired
 * exceptions, the database and the files not analysed. Only advisory references are links.
 */
final class HtmlReportWriter implements ReportWriter {

    /** The stylesheet's file name, beside the page. */
    static final String STYLESHEET = "bulwark-report.css";

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}code{font-size:12px;word-break:break-all}
            .verdict{display:inline-block;padding:.2em .7em;border-radius:4px;color:#fff;font-weight:bold}
            .verdict-pass{background:#2e7d32}.verdict-warn{background:#ef6c00}.verdict-fail{background:#c62828}
            .verdict-none{background:#757575}.gate-fail{color:#c62828;font-weight:bold}.gate-warn{color:#ef6c00}
            """;

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n")
                .append("<title>Bulwark scan: ").append(escape(report.image().image().name())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n</head>\n<body>\n");
        header(page, facts);
        section(page, "chart", "Findings by severity", SeverityChart.svg(facts.counts()));
        section(page, "reasons", "Policy reasons", reasons(facts));
        section(page, "findings", "Findings (" + facts.matches().size() + ")", findings(facts));
        section(page, "suppressed", "Suppressed findings (" + facts.suppressed().size() + ")", suppressed(facts));
        section(page, "remediation", "Remediation", HtmlRemediation.of(report.remediation()));
        section(page, "expired-exceptions", "Expired exceptions", list(facts.expiredExceptions().stream()
                .map(ReportFacts::expiredLine).toList(), "None: no exception for this stage has expired."));
        section(page, "database", "Vulnerability database", report.database()
                .map(database -> "<p>" + escape(ReportFacts.databaseLine(database)) + "</p>").orElse("<p>Not recorded.</p>"));
        section(page, "not-analysed", "Not analysed", notAnalysed(report.image().inventory().failures()));
        return page.append("</body>\n</html>\n").toString();
    }

    @Override
    public Map<String, String> companions() {
        return Map.of(STYLESHEET, STYLE);
    }

    private static void header(StringBuilder page, ReportFacts facts) {
        ScanReport report = facts.report();
        String word = report.verdict().map(verdict -> verdict.word()).orElse("none");
        String verdictText = report.verdict().map(verdict -> "at stage " + verdict.judgement().stage()
                + report.policyName().map(name -> " (policy " + name + ")").orElse("")).orElse("no policy given");
        page.append("<header>\n<h1>").append(escape(report.image().image().name())).append("</h1>\n")
                .append("<p><span class=\"verdict verdict-").append(word).append("\">")
                .append(escape(report.verdict().isPresent() ? word.toUpperCase(Locale.ROOT) : "NO VERDICT"))
                .append("</span> ").append(escape(verdictText)).append("</p>\n")
                .append("<p>").append(escape(TextSummary.summaryLine(facts))).append("</p>\n")
                .append("<p>Image ID <code>").append(escape(report.image().image().id())).append("</code>; OS ")
                .append(escape(report.image().inventory().os().map(os -> os.prettyName()).orElse("unknown")))
                .append("; scanned ").append(escape(report.createdAt().toString())).append(" by Bulwark ")
                .append(escape(report.bulwarkVersion())).append("</p>\n</header>\n");
    }

    private static void section(StringBuilder page, String id, String title, String body) {
        page.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(title)).append("</h2>\n")
                .append(body).append("\n</section>\n");
    }

    private static String reasons(ReportFacts facts) {
        if (facts.reasons().isEmpty()) {
            return "<p>" + escape(facts.report().verdict().isPresent() ? "None: no rule was broken." : facts.verdictLine()) + "</p>";
        }
        StringBuilder table = new StringBuilder("<table>\n<tr><th>Action</th><th>Rule</th><th>Subject</th><th>Why</th></tr>\n");
        for (Reason reason : facts.reasons()) {
            table.append("<tr class=\"gate-").append(reason.action().word()).append("\">").append(cell(escape(reason.action().word())))
                    .append(cell(escape(reason.rule()))).append(cell(escape(reason.subject()))).append(cell(escape(reason.why())))
                    .append("</tr>\n");
        }
        return table.append("</table>").toString();
    }

    private static final String FINDING_HEADINGS = "<th>Severity</th><th>ID</th><th>Package</th><th>Found in</th>"
            + "<th>CVSS</th><th>Fixed in</th><th>Title</th><th>Remedy</th><th>Reference</th>";

    private static String findings(ReportFacts facts) {
        if (facts.matches().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder table = new StringBuilder("<table>\n<tr>" + FINDING_HEADINGS + "<th>Gate</th></tr>\n");
        for (Match match : facts.matches()) {
            String gate = facts.gate(match).map(action -> "<td class=\"gate-" + action.word() + "\">" + action.word() + "</td>")
                    .orElse("<td></td>");
            table.append("<tr>").append(findingCells(facts, match)).append(gate).append("</tr>\n");
        }
        return table.append("</table>").toString();
    }

    private static String suppressed(ReportFacts facts) {
        if (facts.suppressed().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder table = new StringBuilder("<table>\n<tr>" + FINDING_HEADINGS + "<th>By</th><th>Reason</th></tr>\n");
        for (SuppressedMatch entry : facts.suppressed()) {
            table.append("<tr>").append(findingCells(facts, entry.match())).append(cell(escape(entry.by())))
                    .append(cell(escape(entry.reason()))).append("</tr>\n");
        }
        return table.append("</table>").toString();
    }

    private static String findingCells(ReportFacts facts, Match match) {
        var finding = match.finding();
        String aliases = finding.aliases().isEmpty() ? ""
                : "<br><small>" + escape(finding.aliases().stream().sorted().collect(Collectors.joining(", "))) + "</small>";
        return cell(escape(finding.severity().word()) + (match.severitySource().isEmpty() ? ""
                        : "<br><small>" + escape(match.severitySource()) + "</small>"))
                + cell(escape(finding.vulnerabilityId()) + aliases)
                + cell(escape(ReportFacts.nameAndVersion(match.pkg())) + "<br><code>" + escape(match.pkg().purl().toString()) + "</code>")
                + cell("<code>" + escape(match.pkg().path()) + "</code><br><small>layer " + escape(match.pkg().layer()) + "</small>")
                + cell(finding.cvssScore().isPresent() ? String.valueOf(finding.cvssScore().getAsDouble()) : "")
                + cell(escape(finding.isFixable() ? finding.fixedVersion() : "no fix yet"))
                + cell(escape(match.title())) + cell(escape(facts.remedy(match)))
                + cell(match.references().stream().findFirst().map(Html::link).orElse(""));
    }

    private static String notAnalysed(List<AnalyzerFailure> failures) {
        if (failures.isEmpty()) {
            return "<p>None: every file was analysed.</p>";
        }
        StringBuilder table = new StringBuilder("<table>\n<tr><th>Path</th><th>Analyzer</th><th>Reason</th></tr>\n");
        for (AnalyzerFailure failure : failures) {
            table.append("<tr>").append(cell("<code>" + escape(failure.path()) + "</code>")).append(cell(escape(failure.analyzer())))
                    .append(cell(escape(failure.reason()))).append("</tr>\n");
        }
        return table.append("</table>").toString();
    }

    static String list(List<String> items, String whenEmpty) {
        if (items.isEmpty()) {
            return "<p>" + escape(whenEmpty) + "</p>";
        }
        return items.stream().map(item -> "<li>" + escape(item) + "</li>").collect(Collectors.joining("\n", "<ul>\n", "\n</ul>"));
    }
}
