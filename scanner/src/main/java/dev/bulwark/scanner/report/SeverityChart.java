package dev.bulwark.scanner.report;

import dev.bulwark.policy.vuln.Severity;
import java.util.Locale;
import java.util.Map;

/** An inline SVG bar chart of the counted findings by severity, worst first: no script, no external resource. */
final class SeverityChart {

    private static final int BAR_LEFT = 90;
    private static final int BAR_MAX = 300;
    private static final int ROW = 26;

    private SeverityChart() {
    }

    static String svg(Map<Severity, Integer> counts) {
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int height = ROW * ReportFacts.WORST_FIRST.size() + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"440\" height=\"").append(height)
                .append("\" viewBox=\"0 0 440 ").append(height).append("\" role=\"img\" aria-labelledby=\"chart-title\">\n")
                .append("<title id=\"chart-title\">Findings by severity</title>\n");
        int y = 4;
        for (Severity severity : ReportFacts.WORST_FIRST) {
            int count = counts.getOrDefault(severity, 0);
            int width = count == 0 ? 0 : Math.max(2, BAR_MAX * count / max);
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"bar sev-%1$s\"><text x=\"0\" y=\"%2$d\">%1$s</text>"
                            + "<rect x=\"%3$d\" y=\"%4$d\" width=\"%5$d\" height=\"18\" fill=\"%6$s\"/>"
                            + "<text x=\"%7$d\" y=\"%2$d\">%8$d</text></g>\n",
                    severity.word(), y + 14, BAR_LEFT, y, width, colour(severity), BAR_LEFT + width + 6, count));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "#7b1fa2";
            case HIGH -> "#c62828";
            case MEDIUM -> "#ef6c00";
            case LOW -> "#f9a825";
            case UNKNOWN -> "#757575";
        };
    }
}
