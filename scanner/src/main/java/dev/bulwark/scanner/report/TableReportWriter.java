package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.TextWrap.cut;
import static dev.bulwark.scanner.report.TextWrap.wrap;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.util.List;
import java.util.Locale;

/**
 * Text for terminals, at most {@value #WIDTH} columns wide (only a path, purl or URL too long for a line of its
 * own is longer): the image and database, the findings most severe first (a row each, then its details), the
 * suppressed findings, files not analysed, the policy's reasons and expired exceptions, a summary line, and last
 * the remediation advice, so it is what a CI log shows at its end.
 */
final class TableReportWriter implements ReportWriter {

    static final int WIDTH = 100;
    private static final String ROW = "%-9s %-24s %-26s %-16s %-16s %s";
    private static final String DETAIL = " ".repeat(10);
    private static final String LABELLED = " ".repeat(9);

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        StringBuilder out = new StringBuilder();
        header(out, facts);
        out.append('\n').append("FINDINGS (").append(facts.matches().size()).append(")\n");
        if (!facts.matches().isEmpty()) {
            out.append(String.format(Locale.ROOT, ROW, "SEVERITY", "ID", "PACKAGE", "INSTALLED", "FIXED IN", "GATE").strip())
                    .append('\n');
        }
        for (Match match : facts.matches()) {
            finding(out, facts, match, facts.gate(match).map(Action::word).orElse(""), List.of());
        }
        if (!facts.suppressed().isEmpty()) {
            out.append('\n').append("SUPPRESSED (").append(facts.suppressed().size()).append(")\n");
            for (SuppressedMatch entry : facts.suppressed()) {
                finding(out, facts, entry.match(), "", List.of("suppressed by " + entry.by() + ": " + entry.reason()));
            }
        }
        section(out, "NOT ANALYSED", "", report.image().inventory().failures().stream()
                .map(TextSummary::notAnalysedLine).toList());
        policy(out, facts);
        section(out, "EXPIRED EXCEPTIONS", ": they no longer suppress anything",
                facts.expiredExceptions().stream().map(ReportFacts::expiredLine).toList());
        out.append('\n');
        lines(out, TextSummary.summaryLine(facts), "");
        out.append('\n').append("REMEDIATION\n");
        TextSummary.remediationLines(report.remediation()).forEach(line -> lines(out, line, "  "));
        return out.toString();
    }

    private static void header(StringBuilder out, ReportFacts facts) {
        ScanReport report = facts.report();
        lines(out, report.image().image().name(), "Image    ", LABELLED);
        lines(out, report.image().image().id(), "ID       ", LABELLED);
        lines(out, report.image().inventory().os().map(os -> os.prettyName()).orElse("unknown"), "OS       ", LABELLED);
        lines(out, facts.verdictLine(), "Verdict  ", LABELLED);
        report.database().ifPresent(database -> lines(out, ReportFacts.databaseLine(database), "Database ", LABELLED));
        lines(out, report.createdAt() + " by Bulwark " + report.bulwarkVersion(), "Scanned  ", LABELLED);
    }

    private static void finding(StringBuilder out, ReportFacts facts, Match match, String gate, List<String> first) {
        String id = match.finding().vulnerabilityId();
        out.append(String.format(Locale.ROOT, ROW, match.finding().severity().word().toUpperCase(Locale.ROOT), cut(id, 24),
                cut(match.pkg().name(), 26), cut(match.pkg().version(), 16), cut(match.finding().fixedVersion(), 16), gate)
                .stripTrailing()).append('\n');
        if (id.length() > 24) {
            lines(out, id, DETAIL);
        }
        first.forEach(line -> lines(out, line, DETAIL));
        TextSummary.details(facts, match).forEach(line -> lines(out, line, DETAIL));
    }

    private static void policy(StringBuilder out, ReportFacts facts) {
        if (facts.reasons().isEmpty()) {
            return;
        }
        out.append('\n').append("POLICY: ").append(facts.verdictLine()).append('\n');
        for (Reason reason : facts.reasons()) {
            lines(out, reason.action().word().toUpperCase(Locale.ROOT) + "  " + reason.rule() + ": " + reason.subject(), "  ");
            lines(out, reason.why(), "        ");
        }
    }

    private static void section(StringBuilder out, String title, String note, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(entries.size()).append(")").append(note).append('\n');
        entries.forEach(entry -> lines(out, entry, "  "));
    }

    /** The text wrapped; continuation lines hang two columns further in, so entries stay apart. */
    private static void lines(StringBuilder out, String text, String indent) {
        lines(out, text, indent, indent + "  ");
    }

    private static void lines(StringBuilder out, String text, String first, String rest) {
        wrap(text, WIDTH, first, rest).forEach(line -> out.append(line).append('\n'));
    }
}
