package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.report.ReportFormat;
import dev.bulwark.scanner.report.SampleReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path temp;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter log = new StringWriter();

    @Test
    void readsFormatEqualsFileAndTellsItFromAPlainFileName() {
        assertThat(ReportTarget.parse("sarif=reports/bulwark.sarif"))
                .isEqualTo(new ReportTarget(ReportFormat.SARIF, Optional.of(Path.of("reports/bulwark.sarif"))));
        assertThat(ReportTarget.isTargetForm("JUnit=out.xml")).isTrue();
        assertThat(ReportTarget.isTargetForm("report=2026.json")).as("a file name with '=' in it").isFalse();
        assertThat(ReportTarget.isTargetForm("out.json")).isFalse();
        assertThatThrownBy(() -> ReportTarget.parse("sarif=")).hasMessageContaining("is not FORMAT=FILE");
        assertThatThrownBy(() -> ReportTarget.parse("pdf=x.pdf")).hasMessageContaining("'pdf' is not a report format");
    }

    @Test
    void writesEveryReportOfOneRunAndTheHtmlStylesheetBesideIt() throws Exception {
        List<ReportTarget> targets = List.of(ReportTarget.parse("json=" + temp.resolve("a/bulwark.json")),
                ReportTarget.parse("html=" + temp.resolve("b/bulwark.html")), new ReportTarget(ReportFormat.TABLE, Optional.empty()));

        List<Path> written = Reports.write(SampleReport.failing(), targets, new PrintWriter(stdout), new PrintWriter(log));

        assertThat(written).containsExactly(temp.resolve("a/bulwark.json"), temp.resolve("b/bulwark.html"),
                temp.resolve("b/bulwark-report.css").toAbsolutePath());
        assertThat(Files.readString(temp.resolve("b/bulwark.html"))).contains("href=\"bulwark-report.css\"");
        assertThat(Files.readString(temp.resolve("b/bulwark-report.css"))).contains(".verdict-fail");
        assertThat(stdout.toString()).contains("FINDINGS");
        assertThat(temp.resolve("a")).isDirectoryNotContaining("glob:**/*.tmp");
    }

    @Test
    void saysWhatIsMissingWhenTheHtmlReportGoesToStandardOutput() {
        Reports.write(SampleReport.failing(), List.of(new ReportTarget(ReportFormat.HTML, Optional.empty())),
                new PrintWriter(stdout), new PrintWriter(log));

        assertThat(stdout.toString()).startsWith("<!DOCTYPE html>");
        assertThat(log.toString()).contains("needs bulwark-report.css beside it");
    }

    @Test
    void refusesTwoReportsOnStandardOutputBeforeWritingAny() {
        List<ReportTarget> targets = List.of(new ReportTarget(ReportFormat.JSON, Optional.empty()),
                new ReportTarget(ReportFormat.SARIF, Optional.empty()));

        assertThatThrownBy(() -> Reports.write(SampleReport.failing(), targets, new PrintWriter(stdout), new PrintWriter(log)))
                .hasMessageContaining("only one report can go to standard output");
        assertThat(stdout.toString()).isEmpty();
    }
}
