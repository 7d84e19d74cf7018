package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.Issue;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.parser.violations.JUnitAdapter;
import edu.hm.hafner.analysis.parser.violations.SarifAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests: our reports read by the parsers Jenkins' warnings-ng plugin uses ({@code recordIssues(tools:
 * [sarif(…)])}, and the JUnit adapter), from analysis-model, as Jenkins would read the files a gate archived.
 */
class JenkinsReadsOurReportsTest {

    @TempDir
    Path temp;

    private Path written(ReportFormat format, String name) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, ReportWriter.of(format).write(ReportFixture.report()), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void warningsNgRecordsOneIssuePerUnsuppressedFindingFromOurSarif() throws IOException {
        ScanReport report = ReportFixture.report();

        Report issues = new SarifAdapter().parse(new FileReaderFactory(written(ReportFormat.SARIF, "bulwark.sarif")));

        assertThat(issues.getErrorMessages()).isEmpty();
        // Suppressed findings carry SARIF suppressions and are left out; broken rules about no finding (the image runs as
        // root, a denied package) are issues of their own.
        List<String> other = ReportFacts.of(report).otherReasons().stream().map(SarifRules::policyRuleId).toList();
        assertThat(other).isNotEmpty();
        assertThat(issues.size()).isEqualTo(report.matches().size() + other.size());
        List<String> recorded = issues.stream().map(Issue::getMessage).toList();
        for (var match : report.matches()) {
            assertThat(recorded).anySatisfy(message -> assertThat(message).contains(match.finding().vulnerabilityId()));
        }
        for (var suppressed : report.suppressed()) {
            assertThat(recorded).noneSatisfy(message -> assertThat(message).contains(suppressed.match().finding().vulnerabilityId()));
        }
        for (String rule : other) {
            assertThat(recorded).anySatisfy(message -> assertThat(message).startsWith(rule));
        }
        assertThat(issues.stream().map(Issue::getFileName)).allSatisfy(file -> assertThat(file).isNotBlank());
    }

    @Test
    void theJunitAdapterRecordsOneIssuePerUnsuppressedFindingAndBrokenRule() throws IOException {
        ScanReport report = ReportFixture.report();
        int other = ReportFacts.of(report).otherReasons().size();

        Report issues = new JUnitAdapter().parse(new FileReaderFactory(written(ReportFormat.JUNIT, "bulwark-junit.xml")));

        assertThat(issues.getErrorMessages()).isEmpty();
        assertThat(issues.size()).isEqualTo(report.matches().size() + other);
        for (var match : report.matches()) {
            assertThat(issues.stream().map(Issue::getMessage)).anySatisfy(message -> assertThat(message)
                    .contains(match.finding().vulnerabilityId()));
        }
    }
}
