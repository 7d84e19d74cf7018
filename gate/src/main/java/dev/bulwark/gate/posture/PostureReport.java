package dev.bulwark.gate.posture;

import dev.bulwark.gate.posture.PostureState.Row;
import dev.bulwark.store.posture.PostureRows.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The posture as a table for a terminal, as JSON for tools, and as an HTML page with the trend of every repository. */
public final class PostureReport {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "unknown");

    private PostureReport() {
    }

    /** One line per image and stage, running-and-failing first, each with the hosts and the first upgrades to make. */
    public static String table(PostureState state) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-4s %-6s %-12s %-40s %-19s %4s %4s %4s %4s  %s%n", "", "VERDICT", "STAGE", "IMAGE",
                "DIGEST", "CRIT", "HIGH", "MED", "LOW", "RUNNING ON"));
        for (Row row : state.images()) {
            out.append(String.format(Locale.ROOT, "%-4s %-6s %-12s %-40s %-19s %4d %4d %4d %4d  %s%n", row.urgent() ? "(!)" : "",
                    row.verdict(), row.stage(), cut(row.reference(), 40), cut(row.digest(), 19), count(row, "critical"),
                    count(row, "high"), count(row, "medium"), count(row, "low"), row.hosts().isEmpty() ? "-" : String.join(", ", row.hosts())));
            row.advice().forEach(advice -> out.append("       ").append(advice).append('\n'));
        }
        long urgent = state.images().stream().filter(Row::urgent).count();
        out.append(state.images().size()).append(" image verdicts; ").append(urgent).append(" running and failing")
                .append(urgent > 0 ? " (!): fix these first" : "").append('\n');
        return out.toString();
    }

    /** Everything, for tools: the images, the latest changes and the trend. */
    public static String json(PostureState state) {
        return PostureJson.pretty(state);
    }

    /** A self-contained page: the table, the latest changes, and a chart per repository of its findings by severity. */
    public static String html(PostureState state) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Bulwark posture</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.fail{color:#b00020}.warn{color:#b36b00}"
                + ".pass{color:#1b5e20}.urgent{background:#fde0e0}figure{display:inline-block;margin:1em}</style></head><body>\n"
                + "<h1>Bulwark posture</h1>\n<table><tr><th>Verdict</th><th>Stage</th><th>Image</th><th>Digest</th>");
        SEVERITIES.forEach(severity -> page.append("<th>").append(severity).append("</th>"));
        page.append("<th>Running on</th><th>What to upgrade</th></tr>\n");
        for (Row row : state.images()) {
            page.append("<tr").append(row.urgent() ? " class=\"urgent\"" : "").append("><td class=\"").append(escape(row.verdict()))
                    .append("\">").append(escape(row.verdict())).append(row.urgent() ? " (running)" : "").append("</td><td>")
                    .append(escape(row.stage())).append("</td><td>").append(escape(row.reference())).append("</td><td><code>")
                    .append(escape(cut(row.digest(), 19))).append("</code></td>");
            SEVERITIES.forEach(severity -> page.append("<td>").append(count(row, severity)).append("</td>"));
            page.append("<td>").append(escape(String.join(", ", row.hosts()))).append("</td><td>")
                    .append(escape(String.join("; ", row.advice()))).append("</td></tr>\n");
        }
        page.append("</table>\n<h2>Findings by severity, per repository</h2>\n");
        trends(state).forEach((repository, points) -> page.append(TrendChart.svg(repository, points)));
        page.append("<h2>Latest changes</h2>\n<ul>\n");
        for (Change change : state.changes()) {
            page.append("<li>").append(escape(change.at() + " " + cut(change.digest(), 19) + " at " + change.stage() + ": "
                    + change.kind() + " " + change.subject() + " — " + change.detail()))
                    .append("</li>\n");
        }
        return page.append("</ul>\n</body></html>\n").toString();
    }

    private static Map<String, List<dev.bulwark.store.posture.PostureRows.Trend>> trends(PostureState state) {
        Map<String, List<dev.bulwark.store.posture.PostureRows.Trend>> byRepository = new LinkedHashMap<>();
        state.trend().forEach(point -> byRepository.computeIfAbsent(point.repository(), r -> new ArrayList<>()).add(point));
        return byRepository;
    }

    private static int count(Row row, String severity) {
        return row.severities().getOrDefault(severity, 0);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
