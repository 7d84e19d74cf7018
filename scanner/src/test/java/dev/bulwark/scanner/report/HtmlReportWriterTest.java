package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final Pattern RESOURCE = Pattern.compile("(src|href)\\s*=\\s*[\"']?([^\"'\\s>]*)", Pattern.CASE_INSENSITIVE);

    @Test
    void holdsEverySectionOfTheReport() {
        String html = ReportWriter.of(ReportFormat.HTML).write(ReportFixture.report());

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("<span class=\"verdict verdict-fail\">FAIL</span>")
                .contains("<section id=\"chart\">", "<svg ", "<section id=\"reasons\">", "<section id=\"findings\">",
                        "<section id=\"suppressed\">", "<section id=\"remediation\">", "<section id=\"expired-exceptions\">",
                        "<section id=\"database\">", "<section id=\"not-analysed\">")
                .contains("CVE-2021-44906", "vulnerable_code_not_in_execute_path", "legacy-tags.jar", "STALE",
                        "These upgrades alone do not turn the verdict to pass.");
        assertThat(html.split("<section ", -1)).hasSize(9);
        assertThat(count(html, "<tr")).isEqualTo(count(html, "</tr>"));
        assertThat(count(html, "<table>")).isEqualTo(count(html, "</table>"));
    }

    @Test
    void drawsOneBarPerSeverityWorstFirst() {
        String svg = SeverityChart.svg(ReportFacts.of(ReportFixture.report()).counts());

        assertThat(svg).containsSubsequence("sev-critical", "sev-high", "sev-medium", "sev-low", "sev-unknown");
        assertThat(count(svg, "<rect ")).isEqualTo(5);
    }

    @Test
    void escapesTextFromAdvisories() {
        ScanReport report = ReportFixture.report(match -> ReportFixture.retitled(match, "<script>alert('x')</script> & co"));

        String html = ReportWriter.of(ReportFormat.HTML).write(report);

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
    }

    @Test
    void loadsOnlyItsStylesheetBesideItAndLinksOnlyReferences() {
        String html = ReportWriter.of(ReportFormat.HTML).write(ReportFixture.report());

        Matcher matcher = RESOURCE.matcher(html);
        while (matcher.find()) {
            assertThat(matcher.group(1).toLowerCase()).as("only links, no loaded resources: %s", matcher.group())
                    .isEqualTo("href");
            String before = html.substring(Math.max(0, matcher.start() - 24), matcher.start());
            assertThat(before.endsWith("<a ") || before.endsWith("<link rel=\"stylesheet\" ")).as(matcher.group()).isTrue();
        }
        assertThat(html).containsOnlyOnce("<link").contains("<link rel=\"stylesheet\" href=\"bulwark-report.css\">");
        assertThat(html).doesNotContain("<script", "<img", "<iframe", "@import", "url(");
        assertThat(html).contains("<a href=\"https://nvd.nist.gov/vuln/detail/CVE-2021-44228\" rel=\"noopener noreferrer\">");
    }

    @Test
    void rendersUnderJenkinsContentSecurityPolicyWithNoInlineStyleOrScript() {
        ReportWriter writer = ReportWriter.of(ReportFormat.HTML);
        String html = writer.write(ReportFixture.report());

        // Jenkins serves archived files with "default-src 'none'; style-src 'self'" (and no script-src): only a
        // stylesheet from the same place renders; <style>, style="", on…= handlers and javascript: URLs do not.
        assertThat(html).doesNotContain("<style", " style=", "javascript:");
        assertThat(java.util.regex.Pattern.compile("\\son[a-z]+=", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("event handler attributes").isFalse();
        assertThat(writer.companions()).containsOnlyKeys("bulwark-report.css");
        assertThat(writer.companions().get("bulwark-report.css")).contains(".verdict-fail").doesNotContain("url(", "@import");
        assertThat(html).contains("<svg").contains("fill=\"#c62828\"");
    }

    @Test
    void neverLinksAReferenceThatIsNotAWebUrl() {
        ScanReport report = ReportFixture.report(match -> new dev.bulwark.scanner.match.Match(match.finding(), match.pkg(),
                match.title(), match.severitySource(), java.util.List.of("javascript:alert(1)"), match.dataSource()));

        String html = ReportWriter.of(ReportFormat.HTML).write(report);

        assertThat(html).contains("javascript:alert(1)").doesNotContain("href=\"javascript");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
