package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {

    @Test
    void fitsA100ColumnTerminalExceptForAWordTooLongForAnyLine() {
        String longPath = "app/" + "very-long-directory-name/".repeat(6) + "library.jar";
        ScanReport report = ReportFixture.report(match -> ReportFixture.retitled(match, match.title()
                + " — and a long explanation that goes on well past the edge of any terminal, " + longPath));

        List<String> lines = ReportWriter.of(ReportFormat.TABLE).write(report).lines().toList();

        assertThat(lines).allSatisfy(line -> {
            if (line.length() > TableReportWriter.WIDTH) {
                assertThat(line.strip()).as("an over-long line holds a single word: %s", line).doesNotContain(" ");
            }
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.strip()).isEqualTo(longPath));
    }

    @Test
    void listsFindingsMostSevereFirst() {
        String table = ReportWriter.of(ReportFormat.TABLE).write(ReportFixture.report());

        assertThat(table).containsSubsequence("CRITICAL  CVE-2021-44228", "CRITICAL  CVE-2025-4802", "HIGH      CVE-2023-5363",
                "HIGH      CVE-2021-23337", "MEDIUM    CVE-2024-0727", "UNKNOWN   CVE-2023-45853", "SUPPRESSED (2)");
    }

    @Test
    void endsWithTheSummaryLineAndThenTheRemediation() {
        String table = ReportWriter.of(ReportFormat.TABLE).write(ReportFixture.report());

        assertThat(table).containsSubsequence("6 findings: 2 critical, 2 high, 1 medium, 0 low, 1 unknown; 2 suppressed;"
                + " verdict FAIL", "REMEDIATION", "upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.15.0",
                "these upgrades alone do not turn the verdict to pass", "no upgrade fixes: deniedPackages");
        assertThat(table.indexOf("REMEDIATION")).isGreaterThan(table.indexOf("POLICY: FAIL"));
    }

    @Test
    void showsEverySuppressedFindingWithWhatSuppressedIt() {
        String table = ReportWriter.of(ReportFormat.TABLE).write(ReportFixture.report());

        assertThat(table).contains("suppressed by vex: not_affected (vulnerable_code_not_in_execute_path)")
                .contains("suppressed by exception: CVE-2020-36518");
    }
}
