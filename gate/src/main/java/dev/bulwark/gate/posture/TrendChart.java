package dev.bulwark.gate.posture;

import dev.bulwark.store.posture.PostureRows.Trend;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** A line chart (inline SVG) of one repository's findings by severity over the refreshes. */
final class TrendChart {

    private static final int WIDTH = 420;
    private static final int HEIGHT = 180;
    private static final int MARGIN = 30;

    private TrendChart() {
    }

    static String svg(String repository, List<Trend> points) {
        int most = 1;
        for (Trend point : points) {
            most = Math.max(most, Math.max(Math.max(point.critical(), point.high()), Math.max(point.medium(), point.low())));
        }
        StringBuilder svg = new StringBuilder("<figure><figcaption>").append(PostureReport.escape(repository))
                .append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"findings of ").append(PostureReport.escape(repository))
                .append(" by severity\">");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", MARGIN,
                HEIGHT - MARGIN, WIDTH - 10, HEIGHT - MARGIN));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%d</text>", MARGIN, most));
        line(svg, points, most, Trend::critical, "#7b1fa2", "critical");
        line(svg, points, most, Trend::high, "#c62828", "high");
        line(svg, points, most, Trend::medium, "#ef6c00", "medium");
        line(svg, points, most, Trend::low, "#1565c0", "low");
        if (!points.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", MARGIN, HEIGHT - 8,
                    points.get(0).at().toString().substring(0, 16)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    WIDTH - 10, HEIGHT - 8, points.get(points.size() - 1).at().toString().substring(0, 16)));
        }
        String[][] legend = {{"critical", "#7b1fa2"}, {"high", "#c62828"}, {"medium", "#ef6c00"}, {"low", "#1565c0"}};
        for (int i = 0; i < legend.length; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" font-size=\"11\" fill=\"%s\">%s</text>",
                    MARGIN + 60 * i, legend[i][1], legend[i][0]));
        }
        return svg.append("</svg></figure>\n").toString();
    }

    private static void line(StringBuilder svg, List<Trend> points, int most, ToIntFunction<Trend> value, String colour, String name) {
        StringBuilder path = new StringBuilder();
        int plotted = Math.max(1, points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            double x = MARGIN + (WIDTH - 10 - MARGIN) * (points.size() == 1 ? 0.5 : (double) i / plotted);
            double y = HEIGHT - MARGIN - (HEIGHT - 2.0 * MARGIN) * value.applyAsInt(points.get(i)) / most;
            path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                .append(path.toString().strip()).append("\"><title>").append(name).append("</title></polyline>");
    }
}
