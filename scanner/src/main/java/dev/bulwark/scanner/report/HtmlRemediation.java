package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.Html.cell;
import static dev.bulwark.scanner.report.Html.escape;

/** The remediation section of the HTML report: the upgrades, whether they reach a pass, and what none fixes. */
final class HtmlRemediation {

    private HtmlRemediation() {
    }

    static String of(Remediation remediation) {
        StringBuilder html = new StringBuilder();
        if (!remediation.upgrades().isEmpty()) {
            html.append("<table>\n<tr><th>Package</th><th>From</th><th>To</th><th>Found in</th><th>Fixes</th></tr>\n");
            for (Upgrade upgrade : remediation.upgrades()) {
                html.append("<tr>").append(cell(escape(upgrade.pkg().name()))).append(cell(escape(upgrade.pkg().version())))
                        .append(cell(escape(upgrade.toVersion()))).append(cell("<code>" + escape(upgrade.pkg().path()) + "</code>"))
                        .append(cell(escape(String.join(", ", upgrade.fixes())))).append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<p class=\"reaches-pass\">").append(escape(remediation.upgrades().isEmpty() && remediation.unfixable().isEmpty()
                ? "Nothing to upgrade."
                : remediation.reachesPass() ? "These upgrades turn the verdict to pass."
                : "These upgrades alone do not turn the verdict to pass.")).append("</p>\n");
        if (!remediation.unfixable().isEmpty()) {
            html.append("<h3>No upgrade fixes</h3>\n")
                    .append(HtmlReportWriter.list(remediation.unfixable(), ""));
        }
        return html.toString();
    }
}
