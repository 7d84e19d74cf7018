package dev.bulwark.scanner.report;

import java.util.Map;

/** Writes a scan report in one format. Writers are stateless: one instance may write many reports. */
public interface ReportWriter {

    /**
     * The report, as text. The same report always gives the same text: every timestamp comes from the report.
     *
     * @param report what the scan found and decided
     */
    String write(ScanReport report);

    /**
     * Files the report needs beside it, by file name (the HTML report's stylesheet): the same for every report.
     */
    default Map<String, String> companions() {
        return Map.of();
    }

    /** The writer for a format. */
    static ReportWriter of(ReportFormat format) {
        return switch (format) {
            case TABLE -> new TableReportWriter();
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter();
            case JUNIT -> new JunitReportWriter();
            case CYCLONEDX -> new CycloneDxReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
